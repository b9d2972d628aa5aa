import type { ReplayPacing } from '@shared/api/replay-requests';
import { sendAndRecord, type BatchCounts } from './record-batch';
import { toReplayItem, type ReplayEdits, type ReplayItem } from './replay-item';
import { dueAfter } from './replay-pacing';
import type { ReplayRoute } from './replay-route';
import type { SourceReader } from './replay-source';

/** Most messages in one produce request or one confirmed publish. */
const BROKER_BATCH = 500;
/** Most calls of one HTTP or gRPC batch (sent in parallel). */
const CALL_BATCH = 32;
/** Batches in flight at once: the next one is built while the broker answers. */
const IN_FLIGHT = 3;
/** Messages due within this window go in one batch instead of waiting for each. */
const WINDOW_MS = 20;

export interface SendReplayInput {
  reader: SourceReader;
  routeOf: (item: ReplayItem) => ReplayRoute;
  edits: ReplayEdits;
  pacing: ReplayPacing;
  signal: AbortSignal;
  /** Updated as batches finish; read by the progress events. */
  counts: { sent: number; failed: number; total: number };
  record: Parameters<typeof sendAndRecord>[2];
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Sends every message of the source in order, paced, in batches per route, several batches
 * in flight. On abort no new batch starts; the ones in flight finish and are recorded, so
 * `counts` says exactly how many left. Resolves with the first refusal, if any.
 */
export async function sendReplay(input: SendReplayInput): Promise<{ firstError?: string }> {
  const { reader, routeOf, edits, pacing, signal, counts } = input;
  const inFlight: Array<Promise<void>> = [];
  let firstError: string | undefined;
  let pending: ReplayItem[] = [];
  let pendingRoute: ReplayRoute | null = null;

  const launch = async (): Promise<void> => {
    if (!pendingRoute || pending.length === 0) return;
    const route = pendingRoute;
    const batch = pending;
    pending = [];
    pendingRoute = null;
    const p = sendAndRecord(route, batch, input.record).then((c: BatchCounts) => {
      counts.sent += c.sent;
      counts.failed += c.failed;
      firstError ??= c.firstError;
    });
    inFlight.push(p);
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  };

  const started = performance.now();
  let index = 0;
  let firstTs: number | undefined;
  try {
    await loop();
  } finally {
    // Whatever stopped the loop, the batches already handed over are counted and recorded.
    await Promise.allSettled(inFlight);
  }
  // Ids that were deleted since the replay started are not counted as messages to send.
  if (!signal.aborted && index < counts.total) counts.total = index;
  return { firstError };

  async function loop(): Promise<void> {
    outer: for await (const chunk of reader.chunks()) {
      for (const m of chunk) {
        if (signal.aborted) break outer;
        firstTs ??= m.ts;
        const wait = dueAfter(pacing, index++, m.ts, firstTs) - (performance.now() - started);
        if (wait > WINDOW_MS) {
          await launch();
          await sleep(wait, signal);
          if (signal.aborted) break outer;
        }
        const item = toReplayItem(m, edits);
        const route = routeOf(item);
        if (pendingRoute && route !== pendingRoute) await launch();
        pendingRoute = route;
        pending.push(item);
        if (pending.length >= (route.kind === 'call' ? CALL_BATCH : BROKER_BATCH)) await launch();
      }
    }
    // Messages batched but not handed to a route were never recorded: dropping them leaves nothing behind.
    if (!signal.aborted) await launch();
  }
}
