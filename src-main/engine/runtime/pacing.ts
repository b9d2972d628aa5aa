/**
 * Calls `sendBatch` so that `count` items go out at `rate` per second, in batches of what is
 * due (never one awaited call per item when the rate is high). Resolves when all are sent or
 * `isStopped()` turns true; `wake` lets Stop interrupt a wait at once.
 */
export async function runPaced(options: {
  rate: number;
  count: number;
  maxBatch: number;
  isStopped: () => boolean;
  sleep: (ms: number) => Promise<void>;
  sendBatch: (firstSeq: number, n: number) => Promise<void>;
  /** Resolves when the user has not paused this source; returns how long it waited. */
  waitWhilePaused?: () => Promise<number>;
}): Promise<number> {
  const { rate, count, maxBatch, isStopped, sleep, sendBatch, waitWhilePaused } = options;
  let start = performance.now();
  let sent = 0;
  while (sent < count && !isStopped()) {
    // Time spent paused does not count, so resuming goes on at the rate instead of bursting.
    if (waitWhilePaused) start += await waitWhilePaused();
    if (isStopped()) break;
    const elapsed = performance.now() - start;
    const due = Math.min(count, Math.floor((elapsed / 1000) * rate) + 1);
    if (due > sent) {
      const n = Math.min(due - sent, maxBatch);
      await sendBatch(sent + 1, n);
      sent += n;
    } else {
      const nextAt = (sent / rate) * 1000;
      await sleep(Math.min(250, Math.max(1, nextAt - elapsed)));
    }
  }
  return sent;
}
