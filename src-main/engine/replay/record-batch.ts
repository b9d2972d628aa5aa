import type { ReplayLinkRow } from '../../store/replay-table';
import type { Store } from '../../store/store';
import type { TraceSink } from '../runtime/run-context';
import { formatTraceparent, newSpanId, newTraceId, TRACEPARENT } from '../trace/traceparent';
import type { ReplayItem } from './replay-item';
import type { ReplayRoute } from './replay-route';

/** Counts of one batch. */
export interface BatchCounts {
  sent: number;
  failed: number;
  firstError?: string;
}

/**
 * Sends one batch to one route and records it: each message gets a new trace (its payload
 * stored before sending, so a consumer of the run can look it up), a produce or call span
 * with the outcome, and a link to its original. Only messages handed to the route are
 * recorded: nothing is recorded for a message that did not leave.
 */
export async function sendAndRecord(
  route: ReplayRoute,
  items: ReplayItem[],
  rec: { runId: string; replayId: string; sink: TraceSink; store: Store },
): Promise<BatchCounts> {
  const n = items.length;
  const traces = new Array<{ traceId: string; spanId: string }>(n);
  const headers = new Array<Record<string, string>>(n);
  const ids = new Array<number>(n);
  const sentAt = Date.now();
  for (let i = 0; i < n; i++) {
    const it = items[i];
    const span = { traceId: newTraceId(), spanId: newSpanId() };
    traces[i] = span;
    headers[i] = { ...it.headers, [TRACEPARENT]: formatTraceparent(span) };
    ids[i] = rec.sink.recordMessage({
      runId: rec.runId,
      traceId: span.traceId,
      spanId: span.spanId,
      nodeId: route.nodeId,
      transport: route.transport,
      destination: route.destination,
      ts: sentAt,
      key: it.key ?? undefined,
      headers: headers[i],
      payload: it.payload,
    });
  }
  const outcomes = await route.send(items, (i) => headers[i]);
  const doneAt = Date.now();
  const counts: BatchCounts = { sent: 0, failed: 0 };
  const links: ReplayLinkRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o = outcomes[i] ?? { ok: false, failure: 'error', error: 'no outcome' };
    if (o.ok) counts.sent++;
    else {
      counts.failed++;
      counts.firstError ??= o.error;
    }
    rec.sink.recordEvent({
      runId: rec.runId,
      traceId: traces[i].traceId,
      spanId: traces[i].spanId,
      parentSpanId: null,
      nodeId: route.nodeId,
      kind: o.ok ? route.kind : (o.failure ?? 'error'),
      transport: route.transport,
      destination: route.destination,
      ts: sentAt,
      partition: o.partition,
      offset: o.offset,
      key: items[i].key ?? undefined,
      messageId: ids[i],
      durationMs: doneAt - sentAt,
      error: o.error,
    });
    links[i] = {
      replayId: rec.replayId,
      replayMessageId: ids[i],
      replayTraceId: traces[i].traceId,
      originalMessageId: items[i].original.id,
    };
  }
  rec.store.replays.link(links);
  return counts;
}
