import { runPaced } from './pacing';
import type { RunContext } from './run-context';

/**
 * Starts a client node's calls at its rate, each without waiting for the one before (a slow
 * service does not slow the rate), and resolves when every call has settled. Pause and Stop
 * are the run's. `inflight` is the caller's when it must see the calls still going.
 */
export async function runPacedCalls(
  ctx: RunContext,
  nodeId: string,
  pace: { rate: number; count: number },
  call: (seq: number) => Promise<void>,
  inflight = new Set<Promise<void>>(),
): Promise<void> {
  await runPaced({
    rate: pace.rate,
    count: pace.count,
    maxBatch: 100,
    isStopped: () => ctx.isStopping,
    sleep: ctx.sleep,
    waitWhilePaused: () => ctx.waitWhilePaused(nodeId),
    sendBatch: async (firstSeq, n) => {
      for (let i = 0; i < n; i++) {
        const p = call(firstSeq + i).finally(() => inflight.delete(p));
        inflight.add(p);
      }
    },
  });
  await Promise.all(inflight);
}
