import type { MessageToInsert, SpanToInsert, Store } from '../../../src-main/store/store';
import { spanId, traceId } from '../../../src-main/store/test-fixtures';

/**
 * Writes a finished run of `messages` messages through `store`, as a past session would have:
 * each produced by one of 5 producers and delivered (acked) 3 ms later, so two span rows per
 * message. Message ids start after the store's highest.
 */
export function recordFinishedRun(store: Store, runId: string, messages: number, startedAt: number): void {
  store.createRun({ id: runId, flowName: 'big', flowJson: '{}', environment: 'embedded', startedAt });
  const firstId = store.maxMessageId() + 1;
  for (let from = 0; from < messages; from += 10_000) {
    const batch: MessageToInsert[] = [];
    const spans: SpanToInsert[] = [];
    for (let i = from; i < Math.min(messages, from + 10_000); i++) {
      const id = firstId + i;
      const base = { runId, traceId: traceId(id), transport: 'kafka' as const, destination: 'orders' };
      const producer = `producer-${i % 5}`;
      const ts = startedAt + i;
      batch.push({
        ...base,
        id,
        spanId: spanId(3 * id + 1),
        nodeId: producer,
        ts,
        headers: {},
        payload: new TextEncoder().encode(`{"n":${i}}`),
      });
      spans.push({
        ...base,
        spanId: spanId(3 * id + 1),
        parentSpanId: null,
        nodeId: producer,
        kind: 'produce',
        ts,
        durationMs: 1,
        messageId: id,
      });
      spans.push({
        ...base,
        spanId: spanId(3 * id + 2),
        parentSpanId: spanId(3 * id + 1),
        nodeId: 'consumer',
        kind: 'deliver',
        ts: ts + 3,
        ack: { spanId: spanId(3 * id + 3), ts: ts + 4, durationMs: 1 },
      });
    }
    store.insertBatch(batch, spans);
  }
  store.finishRun(runId, 'stopped', startedAt + messages);
}
