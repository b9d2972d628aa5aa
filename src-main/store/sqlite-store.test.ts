import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store';
import type { MessageToInsert, Store } from './store';
import { sampleEvent, sampleMessage, tempDbFile, traceId } from './test-fixtures';

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

const run = (id: string, startedAt: number) => ({
  id,
  flowName: `flow ${id}`,
  flowJson: '{"version":1}',
  environment: 'embedded',
  startedAt,
});

function messages(runId: string, fromId: number, count: number): MessageToInsert[] {
  return Array.from({ length: count }, (_, i) => ({
    ...sampleMessage({ runId, traceId: traceId(fromId + i) }),
    id: fromId + i,
  }));
}

describe('runs', () => {
  it('lists newest first with message and event counts', () => {
    store.createRun(run('a', 1000));
    store.createRun(run('b', 2000));
    store.createRun(run('c', 3000));
    store.insertBatch(messages('a', 1, 3), [sampleEvent({ runId: 'a' }), sampleEvent({ runId: 'b' })]);
    store.finishRun('a', 'failed', 1500, 'broker went away');

    expect(store.listRuns(2).map((r) => r.id)).toEqual(['c', 'b']);
    expect(store.listRuns(10).map((r) => [r.id, r.messageCount, r.eventCount])).toEqual([
      ['c', 0, 0],
      ['b', 0, 1],
      ['a', 3, 1],
    ]);
    expect(store.getRun('a')).toEqual({
      id: 'a',
      flowName: 'flow a',
      environment: 'embedded',
      state: 'failed',
      startedAt: 1000,
      endedAt: 1500,
      messageCount: 3,
      eventCount: 1,
    });
    expect(store.getRun('c')).toMatchObject({ state: 'running', endedAt: null });
    expect(store.getRun('nope')).toBeNull();
  });

  it('counts rows recorded before the run row existed, and every batch after', () => {
    store.insertBatch(messages('late', 1, 2), [sampleEvent({ runId: 'late' })]);
    store.createRun(run('late', 1));
    store.insertBatch(messages('late', 3, 1), []);
    expect(store.getRun('late')).toMatchObject({ messageCount: 3, eventCount: 1 });
    expect(store.listMessages('late', undefined, 1).total).toBe(3);
  });

  it('refuses a duplicate run id', () => {
    store.createRun(run('a', 1));
    expect(() => store.createRun(run('a', 2))).toThrow();
  });
});

describe('messages', () => {
  it('pages newest first by keyset, in disjoint pages that cover the run', () => {
    store.insertBatch([...messages('r', 1, 25), ...messages('other', 26, 5), ...messages('r', 31, 5)], []);
    const seen: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = store.listMessages('r', beforeId, 7);
      expect(page.total).toBe(30);
      if (page.rows.length === 0) break;
      seen.push(...page.rows.map((r) => r.id));
      beforeId = page.rows[page.rows.length - 1].id;
    }
    const expected = [
      ...Array.from({ length: 5 }, (_, i) => 35 - i),
      ...Array.from({ length: 25 }, (_, i) => 25 - i),
    ];
    expect(seen).toEqual(expected);
  });

  it('returns list rows in the contract shape', () => {
    store.insertBatch(
      [
        { ...sampleMessage({ key: 'k1', partition: 2 }), id: 7 },
        { ...sampleMessage(), id: 8 },
      ],
      [],
    );
    const { rows } = store.listMessages('run-1', undefined, 10);
    expect(rows[1]).toEqual({
      id: 7,
      runId: 'run-1',
      ts: 1_700_000_000_000.5,
      nodeId: 'producer-1',
      transport: 'kafka',
      destination: 'orders',
      key: 'k1',
      partition: 2,
      size: 11,
      traceId: traceId(1),
    });
    expect(rows[0]).toMatchObject({ id: 8, key: null, partition: null });
  });

  it('gives UTF-8 payloads as text and binary payloads as base64, headers round-tripped', () => {
    const headers = { traceparent: 'x', 'x-ünïcode': 'välue ✓', empty: '' };
    const binary = new Uint8Array([0xff, 0x00, 0xc3, 0x28, 0x80]);
    const text = '\uFEFF{"naïve":"✓"}';
    store.insertBatch(
      [
        { ...sampleMessage({ headers, payload: new TextEncoder().encode(text) }), id: 1 },
        { ...sampleMessage({ payload: binary }), id: 2 },
        { ...sampleMessage({ payload: new Uint8Array(0) }), id: 3 },
        // A view into a larger buffer: only the view's bytes are stored.
        { ...sampleMessage({ payload: new Uint8Array([9, 0x61, 0x62, 9]).subarray(1, 3) }), id: 4 },
      ],
      [],
    );
    expect(store.getMessage(1)).toMatchObject({ headers, payloadText: text, payloadBase64: null });
    expect(store.getMessage(2)).toMatchObject({
      payloadText: null,
      payloadBase64: Buffer.from(binary).toString('base64'),
      size: 5,
    });
    expect(store.getMessage(3)).toMatchObject({ payloadText: '', payloadBase64: null, size: 0 });
    expect(store.getMessage(4)).toMatchObject({ payloadText: 'ab', size: 2 });
    expect(store.getMessage(99)).toBeNull();
  });

  it('reports the highest message id', () => {
    expect(store.maxMessageId()).toBe(0);
    store.insertBatch(messages('r', 40, 3), []);
    expect(store.maxMessageId()).toBe(42);
  });
});
