import type { RetentionPolicy } from '@shared/api/runs-requests';
import type { RunArchive } from './run-archive';

const MIB = 1024 * 1024;

/**
 * Deletes finished runs until the policy holds: first those too old or past the run count,
 * then the oldest while the pages in use exceed `maxMb`. Each run goes in one transaction,
 * so a crash in between leaves whole runs. Returns the ids deleted, oldest first.
 */
export function applyRetention(
  archive: RunArchive,
  policy: RetentionPolicy,
  now: number,
  /** Runs about to start, counted against `keepRuns` (1 at run start, so N remain with the new one). */
  incoming = 0,
): string[] {
  const deleted: string[] = [];
  const counted =
    policy.keepRuns === undefined ? policy : { ...policy, keepRuns: Math.max(0, policy.keepRuns - incoming) };
  for (const id of archive.overRetention(counted, now)) if (archive.deleteRun(id)) deleted.push(id);
  if (policy.maxMb !== undefined) {
    const limit = policy.maxMb * MIB;
    for (const id of archive.finishedOldestFirst()) {
      if (archive.usedBytes() <= limit) break;
      if (archive.deleteRun(id)) deleted.push(id);
    }
  }
  return deleted;
}

/** The settings key the retention policy is stored under (JSON). */
export const RETENTION_SETTING = 'runs.retention';
