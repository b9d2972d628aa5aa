import { setTimeout as sleep } from 'node:timers/promises';
import { DELETE_STEP_ROWS, type RunDeleteSteps } from './run-delete-steps';

/** How a paced delete is driven. */
export interface PacedDeleteOptions {
  /** Checked between steps: once true, the delete stops with the run still marked (finished at the next open). */
  stopped: () => boolean;
  /** Rows of the first step (then sized to take about STEP_MS each). */
  stepRows?: number;
  /** How far the run is, 0-1, at most every PROGRESS_MS (a big run takes seconds). */
  onProgress?: (fraction: number) => void;
}

/** The shortest pause between steps, so a writer whose busy handler sleeps gets its turn. */
const MIN_PAUSE_MS = 4;
const PROGRESS_MS = 200;
/**
 * What one step should take. Steps are resized toward it (cost per row varies with triggers,
 * indexes and machine load): a writer waiting in SQLite's busy handler wakes every 25-100 ms,
 * and a short step is over before its next wake.
 */
const STEP_MS = 10;
const MIN_ROWS = 200;
const MAX_ROWS = 10_000;

/**
 * Deletes a run in short steps behind its mark: each step sized to take about STEP_MS, then a
 * pause twice as long. A writer that finds the lock taken sleeps in SQLite's busy handler (1, 2,
 * 5 … 100 ms) and tries again; with the lock free two thirds of the time and each hold short,
 * it rarely misses more than a turn or two, so the recorder and the engine's own writes wait
 * tens of ms, not the whole run. The delete takes several times longer than one transaction
 * would, but the run is hidden from its first step and nobody waits on it. Returns false when
 * the run is unknown or running; true once it is marked, even if `stopped` ends it early.
 */
export async function deleteRunPaced(
  steps: RunDeleteSteps,
  runId: string,
  options: PacedDeleteOptions,
): Promise<boolean> {
  if (!steps.mark(runId)) return false;
  let rows = options.stepRows ?? DELETE_STEP_ROWS;
  const total = options.onProgress ? Math.max(1, steps.rowCount(runId)) : 1;
  let done = 0;
  let told = performance.now();
  while (!options.stopped()) {
    const started = performance.now();
    const deleted = steps.step(runId, rows);
    if (deleted === 0) break;
    done += deleted;
    const took = performance.now() - started;
    rows = Math.round(
      Math.min(MAX_ROWS, Math.max(MIN_ROWS, rows * Math.min(2, Math.max(0.5, STEP_MS / took)))),
    );
    if (options.onProgress && started - told >= PROGRESS_MS) {
      told = started;
      options.onProgress(Math.min(1, done / total));
    }
    await sleep(Math.max(MIN_PAUSE_MS, 2 * took));
  }
  return true;
}
