import { retentionSchema, type RetentionPolicy } from '@shared/api/runs-requests';
import { applyRetentionPlan, RETENTION_SETTING, retentionPlan } from '../../store/apply-retention';
import type { AsyncRunArchive } from '../../store/archive-thread';
import type { Store } from '../../store/store';
import type { EngineHandlers } from '../engine-types';
import type { EmitEvent } from './dispatch';
import { RunDeletions } from './run-deletions';

type RunsHandlerName =
  | 'runs.report'
  | 'runs.timeline'
  | 'runs.delete'
  | 'runs.cancelDelete'
  | 'runs.retention.get'
  | 'runs.retention.set';

/** The Runs area of the engine: reports, playback timelines, deletion jobs and retention. */
export interface RunsService {
  handlers: Pick<EngineHandlers, RunsHandlerName>;
  /**
   * Applies the stored retention policy, with room for `incoming` runs about to start. Which
   * runs go by count and age is decided at once (before a starting run's row exists); the
   * deletes happen on the archive's thread, so the caller need not wait. Resolves to the ids deleted.
   */
  applyStoredRetention(incoming?: number): Promise<string[]>;
  deletions: RunDeletions;
}

/** The slow archive work (reports, timelines, run deletes, retention), off the engine's thread when given a thread. */
export type SlowRunArchive = Pick<AsyncRunArchive, 'report' | 'timeline' | 'deleteRun' | 'retain'>;

export function createRunsService(
  store: Store,
  emit: EmitEvent,
  settled: () => Promise<void>,
  archive: SlowRunArchive = inlineArchive(store),
): RunsService {
  const deletions = new RunDeletions(archive, (p) => emit('runs.deletion', p), settled);
  const policy = (): RetentionPolicy => {
    const text = store.getSetting(RETENTION_SETTING);
    if (!text) return {};
    // A stored value this build cannot read keeps everything rather than deleting by guesswork.
    const parsed = retentionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  };
  const applyStoredRetention = (incoming = 0): Promise<string[]> => {
    const plan = retentionPlan(store.runs, policy(), Date.now(), incoming);
    if (plan.runIds.length === 0 && plan.maxMb === undefined) return Promise.resolve([]);
    // Rows of finished runs still on their way are written first, so none land after a delete.
    return settled().then(() => archive.retain(plan));
  };
  return {
    deletions,
    applyStoredRetention,
    handlers: {
      'runs.report': ({ runId, bucketMs }) => archive.report(runId, bucketMs),
      'runs.timeline': ({ runId, maxBuckets }) => archive.timeline(runId, maxBuckets),
      'runs.delete': async ({ runIds }) => deletions.start(runIds),
      'runs.cancelDelete': async ({ jobId }) => deletions.cancel(jobId),
      'runs.retention.get': async () => policy(),
      'runs.retention.set': async ({ policy: next }) => {
        store.setSetting(RETENTION_SETTING, JSON.stringify(next));
        return { policy: next, deleted: await applyStoredRetention() };
      },
    },
  };
}

/** The same work on the calling thread (no archive thread). */
function inlineArchive(store: Store): SlowRunArchive {
  return {
    report: async (runId, bucketMs) => store.runs.report(runId, bucketMs),
    timeline: async (runId, maxBuckets) => store.runs.timeline(runId, maxBuckets),
    deleteRun: async (runId) => store.runs.deleteRun(runId),
    retain: async (plan) => applyRetentionPlan(store.runs, plan),
  };
}
