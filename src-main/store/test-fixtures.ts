import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedMessageInput, TraceEvent } from '@shared/trace/events';
import type { MessageToInsert, SpanToInsert, Store } from './store';

/** A fresh temp folder and a database path inside it (in a subfolder openStore must create). */
export function tempDbFile(): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'flowbench-store-'));
  return {
    dir,
    file: join(dir, 'ws', 'flowbench.db'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A 32-hex trace id that differs per `n`. */
export function traceId(n: number): string {
  return n.toString(16).padStart(32, '0');
}

/** A 16-hex span id that differs per `n`. */
export function spanId(n: number): string {
  return n.toString(16).padStart(16, '0');
}

/** A recorded message with sensible defaults. */
export function sampleMessage(over: Partial<RecordedMessageInput> = {}): RecordedMessageInput {
  return {
    runId: 'run-1',
    traceId: traceId(1),
    spanId: spanId(1),
    nodeId: 'producer-1',
    transport: 'kafka',
    destination: 'orders',
    ts: 1_700_000_000_000.5,
    headers: { traceparent: `00-${traceId(1)}-${spanId(1)}-01`, 'content-type': 'application/json' },
    payload: new TextEncoder().encode('{"order":1}'),
    ...over,
  };
}

/** A produce event with no optional fields, unless given. */
export function sampleEvent(over: Partial<TraceEvent> = {}): TraceEvent {
  return {
    runId: 'run-1',
    traceId: traceId(1),
    spanId: spanId(1),
    parentSpanId: null,
    nodeId: 'producer-1',
    kind: 'produce',
    transport: 'kafka',
    destination: 'orders',
    ts: 1_700_000_000_000.5,
    ...over,
  };
}

/**
 * Writes a finished run of `messages` messages through `store`, as a past session would
 * have: each produced by one of 5 producers at 1,000 a second and delivered (acked) to one
 * of 10 consumers 3 ms later, so two span rows (three spans) per message. Message ids start
 * after the store's highest. For tests and benches of big runs (report, playback, delete).
 */
export function recordFinishedRun(store: Store, runId: string, messages: number, startedAt: number): void {
  store.createRun({ id: runId, flowName: 'big', flowJson: '{}', environment: 'embedded', startedAt });
  const firstId = store.maxMessageId() + 1;
  const payload = (i: number): Uint8Array => new TextEncoder().encode(`{"n":${i}}`);
  for (let from = 0; from < messages; from += 10_000) {
    const batch: MessageToInsert[] = [];
    const spans: SpanToInsert[] = [];
    for (let i = from; i < Math.min(messages, from + 10_000); i++) {
      const id = firstId + i;
      const base = { runId, traceId: traceId(id), transport: 'kafka' as const, destination: 'orders' };
      const producer = `producer-${i % 5}`;
      const ts = startedAt + i;
      const produced = spanId(3 * id + 1);
      batch.push({ ...base, id, spanId: produced, nodeId: producer, ts, headers: {}, payload: payload(i) });
      spans.push({
        ...base,
        spanId: produced,
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
        parentSpanId: produced,
        nodeId: `consumer-${i % 10}`,
        kind: 'deliver',
        ts: ts + 3,
        ack: { spanId: spanId(3 * id + 3), ts: ts + 4, durationMs: 1 },
      });
    }
    store.insertBatch(batch, spans);
  }
  store.finishRun(runId, 'stopped', startedAt + messages);
}
