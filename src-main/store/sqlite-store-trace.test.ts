import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store';
import type { MessageToInsert, Store } from './store';
import { sampleEvent, sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
beforeEach(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function messages(runId: string, fromId: number, count: number): MessageToInsert[] {
  return Array.from({ length: count }, (_, i) => ({
    ...sampleMessage({ runId, traceId: traceId(fromId + i) }),
    id: fromId + i,
  }));
}

describe('trace events', () => {
  it('returns a trace in ts order, ties in insertion order, optional fields omitted when absent', () => {
    const t = traceId(5);
    const deliver = sampleEvent({
      traceId: t,
      kind: 'deliver',
      spanId: spanId(2),
      parentSpanId: spanId(1),
      nodeId: 'consumer-1',
      ts: 20,
      partition: 0,
      offset: '41',
      key: 'k',
      messageId: 1,
      durationMs: 1.5,
    });
    const error = sampleEvent({ traceId: t, kind: 'error', ts: 20, error: 'boom' });
    const produce = sampleEvent({ traceId: t, ts: 10, messageId: 1 });
    store.insertBatch(
      [{ ...sampleMessage({ traceId: t }), id: 1 }],
      [deliver, error, produce, sampleEvent({ traceId: traceId(6) })],
    );
    const trace = store.traceEvents(t);
    expect(trace).toEqual([produce, deliver, error]);
    expect(Object.keys(trace[2])).not.toContain('partition');
    expect(store.getMessage(1)?.trace).toEqual(trace);
  });

  it("reads an ack stored in its delivery's row back as its own span, right after the delivery", () => {
    const t = traceId(7);
    const deliver = sampleEvent({
      traceId: t,
      kind: 'deliver',
      spanId: spanId(2),
      parentSpanId: spanId(1),
      nodeId: 'c',
      ts: 30,
      partition: 2,
      offset: '5',
      key: 'k',
      messageId: 1,
    });
    const later = sampleEvent({ traceId: t, kind: 'error', spanId: spanId(9), ts: 30, error: 'x' });
    store.insertBatch([], [{ ...deliver, ack: { spanId: spanId(3), ts: 30, durationMs: 0 } }, later]);
    const ack = { ...deliver, kind: 'ack', spanId: spanId(3), parentSpanId: spanId(2), durationMs: 0 };
    expect(store.traceEvents(t)).toEqual([deliver, ack, later]);
    expect(store.countEvents('run-1')).toEqual({ deliver: 1, ack: 1, error: 1 });
    expect(store.countEventsByNode('run-1')).toEqual({
      c: { deliver: 1, ack: 1 },
      'producer-1': { error: 1 },
    });
    expect(store.getRun('run-1')).toBeNull();
    store.createRun({ id: 'run-1', flowName: 'f', flowJson: '{}', environment: 'e', startedAt: 1 });
    expect(store.getRun('run-1')?.eventCount).toBe(3);
  });

  it('counts events per kind and per node', () => {
    const events = [
      ...Array.from({ length: 3 }, () => sampleEvent({ runId: 'r' })),
      ...Array.from({ length: 2 }, () => sampleEvent({ runId: 'r', kind: 'deliver', nodeId: 'c1' })),
      sampleEvent({ runId: 'r', kind: 'ack', nodeId: 'c1' }),
      sampleEvent({ runId: 'other' }),
    ];
    store.insertBatch([], events);
    expect(store.countEvents('r')).toEqual({ produce: 3, deliver: 2, ack: 1 });
    expect(store.countEventsByNode('r')).toEqual({
      'producer-1': { produce: 3 },
      c1: { deliver: 2, ack: 1 },
    });
    expect(store.countEvents('none')).toEqual({});
  });
});

describe('batches and settings', () => {
  it('writes a batch atomically: one bad row and nothing lands', () => {
    store.insertBatch(messages('r', 1, 1), []);
    expect(() =>
      store.insertBatch([...messages('r', 2, 3), ...messages('r', 1, 1)], [sampleEvent()]),
    ).toThrow();
    expect(store.maxMessageId()).toBe(1);
    expect(store.countEvents('run-1')).toEqual({});
  });

  it('stores and replaces settings', () => {
    expect(store.getSetting('env')).toBeNull();
    store.setSetting('env', '{"kind":"embedded"}');
    store.setSetting('env', '{"kind":"local"}');
    expect(store.getSetting('env')).toBe('{"kind":"local"}');
  });
});
