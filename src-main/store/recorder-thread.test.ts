import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './open-store';
import { Recorder, type FlushInfo } from './recorder';
import type { Store } from './store';
import { sampleEvent, sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
let recorder: Recorder | undefined;
beforeEach(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
});
afterEach(() => {
  recorder?.close();
  recorder = undefined;
  store.close();
  tmp.cleanup();
});

/** A recorder writing on its own thread to the test's database. */
function threaded(options: ConstructorParameters<typeof Recorder>[1] = {}): Recorder {
  recorder = new Recorder(store, { writerThread: { file: tmp.file }, ...options });
  return recorder;
}

function recordTraces(r: Recorder, count: number, runId = 'run-1'): void {
  for (let i = 0; i < count; i++) {
    const t = traceId(i + 1);
    const id = r.recordMessage(sampleMessage({ runId, traceId: t, key: `k${i}` }));
    r.recordEvent(sampleEvent({ runId, traceId: t, messageId: id, ts: i }));
    r.recordEvent(sampleEvent({ runId, traceId: t, kind: 'deliver', spanId: spanId(2), ts: i + 1 }));
    r.recordEvent(sampleEvent({ runId, traceId: t, kind: 'ack', spanId: spanId(3), ts: i + 2 }));
  }
}

describe('Recorder with a writer thread', () => {
  it('writes every row on the worker; flush() returns with all of them in SQLite', () => {
    const insertBatch = vi.spyOn(store, 'insertBatch');
    const insertPacked = vi.spyOn(store, 'insertPacked');
    const r = threaded({ flushIntervalMs: 10_000 });
    recordTraces(r, 3_000);
    r.flush();
    // The worker has its own connection: this thread's store wrote nothing.
    expect(insertBatch).not.toHaveBeenCalled();
    expect(insertPacked).not.toHaveBeenCalled();
    expect(store.countEvents('run-1')).toEqual({ produce: 3_000, deliver: 3_000, ack: 3_000 });
    expect(store.listMessages('run-1', undefined, 1).total).toBe(3_000);
    expect(store.getMessage(3_000)).toMatchObject({ key: 'k2999', payloadText: '{"order":1}' });
    expect(store.traceEvents(traceId(3_000)).map((e) => e.kind)).toEqual(['produce', 'deliver', 'ack']);
  });

  it('flushAsync resolves once the rows are stored and reports them per run', async () => {
    const flushed: FlushInfo[] = [];
    const r = threaded({ flushIntervalMs: 10_000, onFlushed: (info) => flushed.push(info) });
    recordTraces(r, 10, 'a');
    recordTraces(r, 5, 'b');
    await r.flushAsync();
    expect(flushed).toEqual([{ lastMessageIdByRun: { a: 10, b: 15 }, messagesByRun: { a: 10, b: 5 } }]);
    expect(store.countEvents('b')).toEqual({ produce: 5, deliver: 5, ack: 5 });
  });

  it('writes on its own, without a flush, within a few intervals', async () => {
    const flushed: FlushInfo[] = [];
    const r = threaded({ flushIntervalMs: 10, onFlushed: (info) => flushed.push(info) });
    recordTraces(r, 100);
    await vi.waitFor(() =>
      expect(store.countEvents('run-1')).toEqual({ produce: 100, deliver: 100, ack: 100 }),
    );
    expect(flushed.reduce((n, info) => n + (info.messagesByRun['run-1'] ?? 0), 0)).toBe(100);
  });

  it('keeps recording within maxQueued rows by waiting for the worker, and drops nothing', () => {
    const errors: Error[] = [];
    const r = threaded({ maxBatch: 10, maxQueued: 40, onError: (e) => errors.push(e) });
    for (let i = 0; i < 500; i++) {
      r.recordEvent(sampleEvent({ ts: i }));
      // What the timer or the next turn would do: hand a full batch to the worker.
      if ((i + 1) % 10 === 0) r.flush();
    }
    r.close();
    expect(errors).toEqual([]);
    expect(store.countEvents('run-1')).toEqual({ produce: 500 });
  });

  it('copies payloads, so the caller may reuse its buffer at once', () => {
    const r = threaded();
    const bytes = new TextEncoder().encode('{"n":1}');
    r.recordMessage(sampleMessage({ payload: bytes }));
    bytes.set(new TextEncoder().encode('{"n":2}'));
    r.flush();
    expect(store.getMessage(1)?.payloadText).toBe('{"n":1}');
  });

  it('close writes what is queued and refuses further rows', () => {
    const r = threaded({ flushIntervalMs: 60_000 });
    r.recordEvent(sampleEvent());
    r.close();
    expect(store.countEvents('run-1')).toEqual({ produce: 1 });
    expect(() => r.recordEvent(sampleEvent())).toThrow(/closed/);
  });

  it('reports a batch the store refuses on the worker, then keeps recording', () => {
    const errors: Error[] = [];
    store.insertBatch([{ ...sampleMessage(), id: 1 }], []);
    const r = threaded({ onError: (e) => errors.push(e) });
    // A second writer takes the recorder's next id.
    store.insertBatch([{ ...sampleMessage(), id: 2 }], []);
    r.recordMessage(sampleMessage());
    r.recordEvent(sampleEvent());
    r.flush();
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/UNIQUE constraint failed/),
      'Recorder lost 1 messages and 1 trace events: the store refused the batch.',
    ]);
    expect((errors[0] as Error & { code?: string }).code).toMatch(/^SQLITE_CONSTRAINT/);
    r.recordEvent(sampleEvent());
    r.flush();
    expect(store.countEvents('run-1')).toEqual({ produce: 1 });
  });

  it('writes on this thread, and says so, when the worker cannot open the database', () => {
    const errors: Error[] = [];
    const notADatabase = join(tmp.dir, 'not-a-db.txt');
    writeFileSync(notADatabase, 'just text, no SQLite header here'.repeat(40));
    recorder = new Recorder(store, { writerThread: { file: notADatabase }, onError: (e) => errors.push(e) });
    recordTraces(recorder, 20);
    recorder.flush();
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/writer thread failed \(.*not a Flowbench database.*\); writing on this thread/),
    ]);
    expect(store.countEvents('run-1')).toEqual({ produce: 20, deliver: 20, ack: 20 });
    recordTraces(recorder, 1, 'run-2');
    recorder.flush();
    expect(store.countEvents('run-2')).toEqual({ produce: 1, deliver: 1, ack: 1 });
  });
});
