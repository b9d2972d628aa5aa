import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './open-store';
import { Recorder, type FlushInfo } from './recorder';
import type { Store } from './store';
import { sampleEvent, sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
beforeEach(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
});
afterEach(() => {
  vi.useRealTimers();
  store.close();
  tmp.cleanup();
});

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A SQLite-style error, as better-sqlite3 throws it. */
function sqliteError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('Recorder', () => {
  it('batches 10,000 events into a few transactions and the rows read back', async () => {
    const insertPacked = vi.spyOn(store, 'insertPacked');
    const recorder = new Recorder(store, { flushIntervalMs: 10_000 });
    for (let i = 0; i < 2_000; i++) {
      const t = traceId(i + 1);
      const id = recorder.recordMessage(sampleMessage({ traceId: t, key: `k${i}` }));
      recorder.recordEvent(sampleEvent({ traceId: t, messageId: id, ts: i }));
      for (let j = 0; j < 4; j++) {
        recorder.recordEvent(
          sampleEvent({ traceId: t, kind: 'deliver', nodeId: 'c1', spanId: spanId(j + 2), ts: i + 1 }),
        );
      }
    }
    // Reaching maxBatch flushes on the next turn, never inside the call.
    expect(insertPacked).not.toHaveBeenCalled();
    await nextTurn();
    recorder.close();

    expect(insertPacked.mock.calls.length).toBeGreaterThan(0);
    expect(insertPacked.mock.calls.length).toBeLessThanOrEqual(3);
    expect(store.countEvents('run-1')).toEqual({ produce: 2_000, deliver: 8_000 });
    expect(store.countEventsByNode('run-1')).toEqual({
      'producer-1': { produce: 2_000 },
      c1: { deliver: 8_000 },
    });

    const page = store.listMessages('run-1', undefined, 3);
    expect(page.total).toBe(2_000);
    expect(page.rows.map((r) => r.id)).toEqual([2_000, 1_999, 1_998]);
    const detail = store.getMessage(2_000);
    expect(detail).toMatchObject({ key: 'k1999', payloadText: '{"order":1}', traceId: traceId(2_000) });
    expect(detail?.trace.map((e) => e.kind)).toEqual(['produce', 'deliver', 'deliver', 'deliver', 'deliver']);
    expect(store.traceEvents(traceId(2_000))[0]).toEqual(
      sampleEvent({ traceId: traceId(2_000), messageId: 2_000, ts: 1_999 }),
    );
  });

  it("stores a delivery's ack in the delivery's row and reads it back as its own span", () => {
    const recorder = new Recorder(store);
    const t = traceId(9);
    const id = recorder.recordMessage(sampleMessage({ traceId: t }));
    const deliver = sampleEvent({
      traceId: t,
      kind: 'deliver',
      spanId: spanId(2),
      parentSpanId: spanId(1),
      nodeId: 'c',
      messageId: id,
      offset: '4',
    });
    const ack = {
      ...deliver,
      kind: 'ack' as const,
      spanId: spanId(3),
      parentSpanId: spanId(2),
      ts: deliver.ts + 1,
      durationMs: 1,
    };
    recorder.recordEvent(sampleEvent({ traceId: t, messageId: id }));
    recorder.recordEvent(deliver);
    recorder.recordEvent(ack);
    recorder.close();
    expect(store.traceEvents(t)).toEqual([sampleEvent({ traceId: t, messageId: id }), deliver, ack]);
    expect(store.countEventsByNode('run-1')).toEqual({
      'producer-1': { produce: 1 },
      c: { deliver: 1, ack: 1 },
    });
    const db = new Database(tmp.file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM spans').pluck().get()).toBe(2);
    db.close();
  });

  it('assigns ids synchronously, continuing after the ids already stored', () => {
    store.insertBatch([{ ...sampleMessage(), id: 41 }], []);
    const recorder = new Recorder(store);
    expect(recorder.recordMessage(sampleMessage())).toBe(42);
    expect(recorder.recordMessage(sampleMessage())).toBe(43);
    expect(store.maxMessageId()).toBe(41); // queued, not yet written
    recorder.flush();
    expect(store.maxMessageId()).toBe(43);
    recorder.close();
  });

  it('flushes on the interval and reports new messages per run', () => {
    vi.useFakeTimers();
    const flushed: FlushInfo[] = [];
    const recorder = new Recorder(store, { flushIntervalMs: 50, onFlushed: (info) => flushed.push(info) });
    recorder.recordMessage(sampleMessage({ runId: 'a' }));
    recorder.recordMessage(sampleMessage({ runId: 'b' }));
    recorder.recordMessage(sampleMessage({ runId: 'a' }));
    recorder.recordEvent(sampleEvent({ runId: 'a' }));
    vi.advanceTimersByTime(49);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([{ lastMessageIdByRun: { a: 3, b: 2 }, messagesByRun: { a: 2, b: 1 } }]);
    expect(store.listMessages('a', undefined, 10).total).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(flushed).toHaveLength(1); // no empty flushes while idle
    recorder.close();
  });

  it('close flushes what is queued and refuses further rows', () => {
    const recorder = new Recorder(store, { flushIntervalMs: 60_000 });
    recorder.recordEvent(sampleEvent());
    recorder.close();
    expect(store.countEvents('run-1')).toEqual({ produce: 1 });
    expect(() => recorder.recordEvent(sampleEvent())).toThrow(/closed/);
  });

  it('keeps a batch after a transient failure and writes it on retry', () => {
    vi.useFakeTimers();
    const errors: Error[] = [];
    const insertPacked = vi.spyOn(store, 'insertPacked').mockImplementationOnce(() => {
      throw sqliteError('SQLITE_BUSY');
    });
    const insertBatch = vi.spyOn(store, 'insertBatch');
    const recorder = new Recorder(store, { flushIntervalMs: 50, onError: (e) => errors.push(e) });
    recorder.recordEvent(sampleEvent());
    vi.advanceTimersByTime(50);
    expect(errors.map((e) => e.message)).toEqual(['SQLITE_BUSY']);
    recorder.recordEvent(sampleEvent({ kind: 'deliver' }));
    vi.advanceTimersByTime(50);
    // The kept row goes first, in the same transaction as the new one.
    expect(insertPacked).toHaveBeenCalledTimes(1);
    expect(insertBatch).toHaveBeenCalledTimes(1);
    expect(store.countEvents('run-1')).toEqual({ produce: 1, deliver: 1 });
    recorder.close();
  });

  it('bounds the queue while the store keeps failing and reports what it dropped', () => {
    vi.useFakeTimers();
    const errors: Error[] = [];
    const full = (): never => {
      throw sqliteError('SQLITE_FULL');
    };
    vi.spyOn(store, 'insertPacked').mockImplementation(full);
    vi.spyOn(store, 'insertBatch').mockImplementation(full);
    const recorder = new Recorder(store, { maxBatch: 10, maxQueued: 20, onError: (e) => errors.push(e) });
    for (let i = 0; i < 25; i++) recorder.recordEvent(sampleEvent());
    recorder.flush();
    expect(errors.map((e) => e.message)).toEqual([
      'SQLITE_FULL',
      'Recorder lost 0 messages and 5 trace events: the store kept failing and the queue is full.',
    ]);
    errors.length = 0;
    recorder.close();
    expect(errors.map((e) => e.message)).toEqual([
      'SQLITE_FULL',
      'Recorder lost 0 messages and 20 trace events: the recorder closed.',
    ]);
  });

  it('drops and reports a batch the store refuses outright, then keeps recording', () => {
    const errors: Error[] = [];
    store.insertBatch([{ ...sampleMessage(), id: 1 }], []);
    const recorder = new Recorder(store, { onError: (e) => errors.push(e) });
    // Simulates a second writer: the recorder's next id is now taken.
    store.insertBatch([{ ...sampleMessage(), id: 2 }], []);
    recorder.recordMessage(sampleMessage());
    recorder.recordEvent(sampleEvent());
    recorder.flush();
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/UNIQUE constraint failed/),
      'Recorder lost 1 messages and 1 trace events: the store refused the batch.',
    ]);
    recorder.recordEvent(sampleEvent());
    recorder.close();
    expect(store.countEvents('run-1')).toEqual({ produce: 1 });
  });
});
