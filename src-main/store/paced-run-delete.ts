import { setTimeout as sleep } from 'node:timers/promises';
import { DELETE_STEP_ROWS, type RunDeleteSteps } from './run-delete-steps';

/** How a paced delete is driven. */
export interface PacedDeleteOptions {
  /** Checked between steps: once true, the delete stops with the run still marked (finished at the next open). */
  stopped: () => boolean;
  /** Rows per step (tests use small steps). */
  stepRows?: number;
}

/** The shortest pause between steps, so a writer whose busy handler sleeps gets its turn. */
const MIN_PAUSE_MS = 4;

/**
 * Deletes a run in short steps behind its mark, pausing between steps at least as long as
 * the step took: the write lock is free half the time at worst, so the recorder and the
 * engine's own writes wait one step (tens of ms), not the whole run. Returns false when the
 * run is unknown or running; true once it is marked, even if `stopped` ends it early.
 */
export async function deleteRunPaced(
  steps: RunDeleteSteps,
  runId: string,
  options: PacedDeleteOptions,
): Promise<boolean> {
  if (!steps.mark(runId)) return false;
  const rows = options.stepRows ?? DELETE_STEP_ROWS;
  while (!options.stopped()) {
    const started = performance.now();
    const more = steps.step(runId, rows);
    if (!more) break;
    await sleep(Math.max(MIN_PAUSE_MS, performance.now() - started));
  }
  return true;
}
