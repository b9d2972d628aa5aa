import type { RunReport } from '@shared/api/runs-requests';
import type { RunTimeline } from '@shared/trace/run-timeline';
import type { RetentionPlan } from './apply-retention';
import type { WireError } from './recorder-worker-protocol';

/** What the run archive's thread is started with (its `workerData`). */
export interface ArchiveWorkerData {
  /** The workspace database, already opened and migrated by the store. */
  file: string;
  nativeBinding?: string;
}

/** The run archive's slow operations, by name, with their arguments and results. */
export interface ArchiveOps {
  report: { args: [runId: string, bucketMs?: number]; result: RunReport | null };
  timeline: { args: [runId: string, maxBuckets: number]; result: RunTimeline | null };
  deleteRun: { args: [runId: string]; result: boolean };
  /** Carries out a retention plan made on the engine's thread; the ids deleted. */
  retain: { args: [plan: RetentionPlan]; result: string[] };
}

export type ArchiveOp = keyof ArchiveOps;

/**
 * A request. Reports and timelines are answered at once, between the steps of a delete;
 * deletes and retention take turns, one after the other, in the order they came.
 */
export type ToArchiveWorker =
  | { [K in ArchiveOp]: { type: 'call'; id: number; op: K; args: ArchiveOps[K]['args'] } }[ArchiveOp]
  | { type: 'close' };

/**
 * The answer to request `id`: its result, or what it threw; `closed` comes last, after every
 * answer (an answer can otherwise arrive after the thread's exit is seen).
 */
export type FromArchiveWorker =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: WireError }
  /** How far the delete asked for by request `id` is (0-1), before its answer. */
  | { id: number; progress: number }
  | { closed: true };
