import type { RetentionPolicy } from '@shared/api/runs-requests';
import type { RunArchive } from './run-archive';

const MIB = 1024 * 1024;

/** What retention deletes: runs named now (count and age), then the oldest while the database is over `maxMb`. */
export interface RetentionPlan {
  runIds: string[];
  maxMb?: number;
}

/**
 * The finished runs the policy's count and age limits drop, oldest first. Cheap (the runs
 * table only), so it is planned on the caller's thread at once: at run start, before the new
 * run's row exists, with `incoming` = 1 so N remain with the new one. The running run is
 * never named, and the delete itself refuses it again.
 */
export function retentionPlan(
  archive: Pick<RunArchive, 'overRetention'>,
  policy: RetentionPolicy,
  now: number,
  incoming = 0,
): RetentionPlan {
  const counted =
    policy.keepRuns === undefined ? policy : { ...policy, keepRuns: Math.max(0, policy.keepRuns - incoming) };
  return { runIds: archive.overRetention(counted, now), maxMb: policy.maxMb };
}

/**
 * Carries a plan out with `deleteRun` (each run wholly, in steps behind its mark), then deletes
 * the oldest finished runs while the pages in use exceed `maxMb`. Stops between runs once
 * `stopped()` says so. Returns the ids deleted, oldest first.
 */
export async function carryOutRetention(
  archive: Pick<RunArchive, 'usedBytes' | 'finishedOldestFirst'>,
  plan: RetentionPlan,
  deleteRun: (runId: string) => boolean | Promise<boolean>,
  stopped: () => boolean = () => false,
): Promise<string[]> {
  const deleted: string[] = [];
  for (const id of plan.runIds) {
    if (stopped()) return deleted;
    if (await deleteRun(id)) deleted.push(id);
  }
  if (plan.maxMb === undefined) return deleted;
  const limit = plan.maxMb * MIB;
  for (const id of archive.finishedOldestFirst()) {
    if (stopped() || archive.usedBytes() <= limit) break;
    if (await deleteRun(id)) deleted.push(id);
  }
  return deleted;
}

/** Carries a plan out here and now, each run deleted before the next (no archive thread). */
export function applyRetentionPlan(archive: RunArchive, plan: RetentionPlan): string[] {
  const deleted = plan.runIds.filter((id) => archive.deleteRun(id));
  if (plan.maxMb === undefined) return deleted;
  for (const id of archive.finishedOldestFirst()) {
    if (archive.usedBytes() <= plan.maxMb * MIB) break;
    if (archive.deleteRun(id)) deleted.push(id);
  }
  return deleted;
}

/** Plans and carries out the policy here and now (tests, and a store with no archive thread). */
export function applyRetention(
  archive: RunArchive,
  policy: RetentionPolicy,
  now: number,
  incoming = 0,
): string[] {
  return applyRetentionPlan(archive, retentionPlan(archive, policy, now, incoming));
}

/** The settings key the retention policy is stored under (JSON). */
export const RETENTION_SETTING = 'runs.retention';
