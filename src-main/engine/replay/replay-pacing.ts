import type { ReplayPacing } from '@shared/api/replay-requests';

/**
 * When message `index` (recorded at `ts`) is due, in ms after the replay started. `firstTs`
 * is the first message's recorded time. "fast" is always due: batches go back to back.
 */
export function dueAfter(pacing: ReplayPacing, index: number, ts: number, firstTs: number): number {
  switch (pacing.mode) {
    case 'fast':
      return 0;
    case 'rate':
      return (index * 1000) / pacing.perSecond;
    case 'recorded':
      return Math.max(0, ts - firstTs) / pacing.speed;
  }
}

/** The pacing in words, for the replay record. */
export function describePacing(pacing: ReplayPacing): string {
  switch (pacing.mode) {
    case 'fast':
      return 'as fast as possible';
    case 'rate':
      return `${pacing.perSecond} msg/s`;
    case 'recorded':
      return pacing.speed === 1 ? 'as recorded' : `as recorded ×${pacing.speed}`;
  }
}
