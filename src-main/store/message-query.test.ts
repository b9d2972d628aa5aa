import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageFilter } from '@shared/trace/message-filter';
import { parseJsonPredicate } from '@shared/trace/message-filter';
import { createMessageQuery, type MessageQuery } from './message-query';
import { openStore } from './open-store';
import type { MessageToInsert, SpanToInsert, Store } from './store';
import { sampleEvent, sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

// One recorded database shared by every test: 40 messages with a known mix of fields,
// written through the store's own insert path, read through a second connection.
let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
let db: Database.Database;
let q: MessageQuery;

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function fixture(): { messages: MessageToInsert[]; spans: SpanToInsert[] } {
  const messages: MessageToInsert[] = [];
  const spans: SpanToInsert[] = [];
  for (let id = 1; id <= 40; id++) {
    const t = traceId(id);
    messages.push({
      ...sampleMessage({
        runId: id <= 20 ? 'run-a' : 'run-b',
        traceId: t,
        nodeId: id % 2 === 0 ? 'producer-even' : 'producer-odd',
        transport: id % 4 === 0 ? 'amqp' : 'kafka',
        destination: id % 4 === 0 ? 'payments' : 'orders',
        partition: id % 4 === 0 ? undefined : id % 3,
        key: `k${id % 5}`,
        ts: 1000 + id,
        headers: id % 10 === 0 ? { tenant: 'acme' } : { tenant: 'other' },
        payload:
          id === 40
            ? new Uint8Array([0xff, 0xfe, 0x00, 0x01])
            : enc(
                JSON.stringify({
                  customer: { id: id % 7, name: id % 2 ? 'zebra cargo' : 'apple' },
                  vip: id === 7,
                }),
              ),
      }),
      id,
    });
    spans.push(sampleEvent({ runId: 'run-a', traceId: t, spanId: spanId(id * 10), messageId: id }));
    if (id % 3 === 0)
      spans.push(sampleEvent({ traceId: t, spanId: spanId(id * 10 + 1), kind: 'ack', ts: 2000 + id }));
    if (id === 5) {
      spans.push(
        sampleEvent({ traceId: t, spanId: spanId(51), kind: 'nack', destination: 'work', ts: 3000 }),
      );
      spans.push(
        sampleEvent({ traceId: t, spanId: spanId(52), kind: 'deliver', destination: 'work.dlq', ts: 3001 }),
      );
    }
    if (id === 11) spans.push(sampleEvent({ traceId: t, spanId: spanId(111), kind: 'nack', ts: 3000 }));
    if (id === 13) spans.push(sampleEvent({ traceId: t, spanId: spanId(131), kind: 'error', error: 'boom' }));
    if (id === 17) spans.push(sampleEvent({ traceId: t, spanId: spanId(171), kind: 'unroutable' }));
    if (id === 19)
      spans.push(
        sampleEvent({
          traceId: t,
          spanId: spanId(191),
          fault: { injected: true, kinds: ['latency'], detail: 'latency 10 ms' },
        }),
      );
  }
  return { messages, spans };
}

beforeAll(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
  const { messages, spans } = fixture();
  store.insertBatch(messages, spans);
  // The reader below is read-only, so the writer indexes (as the engine does when idle).
  store.indexFullText();
  db = new Database(tmp.file, { readonly: true });
  q = createMessageQuery(db);
});
afterAll(() => {
  db.close();
  store.close();
  tmp.cleanup();
});

const ids = (filter: MessageFilter, limit = 100): number[] => q.page({ filter, limit }).rows.map((r) => r.id);
const range = (from: number, to: number, keep: (i: number) => boolean = () => true): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => to - i).filter(keep);

describe('message query: each filter alone', () => {
  it('with no filter returns every message newest first with its browser columns', () => {
    const page = q.page({ filter: {}, limit: 100 });
    expect(page.rows.map((r) => r.id)).toEqual(range(1, 40));
    expect(page.nextCursor).toBeNull();
    expect(page.rows.find((r) => r.id === 3)).toEqual({
      id: 3,
      ts: 1003,
      runId: 'run-a',
      nodeId: 'producer-odd',
      transport: 'kafka',
      destination: 'orders',
      partition: 0,
      key: 'k3',
      size: expect.any(Number) as number,
      traceId: traceId(3),
      statuses: ['acked'],
    });
  });

  it('filters by run, node, transport, destination, partition and key', () => {
    expect(ids({ runId: 'run-b' })).toEqual(range(21, 40));
    expect(ids({ nodeIds: ['producer-even'] })).toEqual(range(1, 40, (i) => i % 2 === 0));
    expect(ids({ transports: ['amqp'] })).toEqual(range(1, 40, (i) => i % 4 === 0));
    expect(ids({ destination: 'payments' })).toEqual(range(1, 40, (i) => i % 4 === 0));
    expect(ids({ partition: 2 })).toEqual(range(1, 40, (i) => i % 4 !== 0 && i % 3 === 2));
    expect(ids({ key: 'k0' })).toEqual(range(1, 40, (i) => i % 5 === 0));
  });

  it('filters by header name, and by name and value', () => {
    expect(ids({ header: { name: 'tenant', value: 'acme' } })).toEqual([40, 30, 20, 10]);
    expect(ids({ header: { name: 'tenant' } })).toEqual(range(1, 40));
    expect(ids({ header: { name: 'traceparent' } })).toEqual([]);
  });

  it('filters by each status', () => {
    expect(ids({ statuses: ['acked'] })).toEqual(range(1, 40, (i) => i % 3 === 0));
    expect(ids({ statuses: ['nacked'] })).toEqual([11, 5]);
    expect(ids({ statuses: ['dead-lettered'] })).toEqual([5]);
    expect(ids({ statuses: ['error'] })).toEqual([13]);
    expect(ids({ statuses: ['unroutable'] })).toEqual([17]);
    expect(ids({ statuses: ['injected-fault'] })).toEqual([19]);
    expect(ids({ statuses: ['error', 'unroutable'] })).toEqual([17, 13]);
    const five = q.page({ filter: { statuses: ['nacked'] }, limit: 10 }).rows.find((r) => r.id === 5);
    expect(five?.statuses.sort()).toEqual(['dead-lettered', 'nacked']);
  });

  it('filters by time range, from inclusive and to exclusive', () => {
    expect(ids({ from: 1010, to: 1013 })).toEqual([12, 11, 10]);
  });

  it('searches payload text with FTS5 words, phrases, prefixes and NOT', () => {
    expect(ids({ text: 'zebra' })).toEqual(range(1, 39, (i) => i % 2 === 1));
    expect(ids({ text: '"zebra cargo"' })).toEqual(range(1, 39, (i) => i % 2 === 1));
    expect(ids({ text: 'app*' })).toEqual(range(1, 39, (i) => i % 2 === 0));
    expect(ids({ text: 'customer NOT zebra' })).toEqual(range(1, 39, (i) => i % 2 === 0));
    expect(ids({ text: 'nothinglikethis' })).toEqual([]);
  });

  it('matches JSON field predicates, skipping payloads that are not JSON', () => {
    expect(ids({ json: [parseJsonPredicate('$.customer.id = 3')] })).toEqual(
      range(1, 39, (i) => i % 7 === 3),
    );
    expect(ids({ json: [parseJsonPredicate('$.customer.id >= 6')] })).toEqual(
      range(1, 39, (i) => i % 7 === 6),
    );
    expect(ids({ json: [parseJsonPredicate('$.customer.name = "apple"')] })).toEqual(
      range(1, 39, (i) => i % 2 === 0),
    );
    expect(ids({ json: [parseJsonPredicate('$.vip = true')] })).toEqual([7]);
    expect(ids({ json: [parseJsonPredicate('$.missing = null')] })).toEqual([]);
    expect(ids({ json: [parseJsonPredicate('$.customer.id != 0')] })).toHaveLength(39 - 5);
  });
});

describe('message query: combined filters and paging', () => {
  it('ANDs every field given', () => {
    expect(
      ids({
        runId: 'run-a',
        nodeIds: ['producer-odd'],
        transports: ['kafka'],
        text: 'zebra',
        statuses: ['acked'],
        json: [parseJsonPredicate('$.customer.id < 5')],
        from: 1001,
      }),
    ).toEqual([15, 9, 3]);
    expect(ids({ runId: 'run-b', header: { name: 'tenant', value: 'acme' }, key: 'k0' })).toEqual([40, 30]);
  });

  it('pages without gaps or repeats, with and without full-text', () => {
    for (const filter of [{}, { text: 'customer' }, { runId: 'run-a' }, { nodeIds: ['producer-odd'] }]) {
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = q.page({ filter, limit: 7, cursor });
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 20);
      expect(seen).toEqual(ids(filter));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('stops at the time budget with a partial page and a cursor, and still loses nothing', () => {
    // fewStatusSpans 0: the status is scanned too (a rare one otherwise goes through its traces at once).
    const slow = createMessageQuery(db, { windowIds: 3, budgetMs: 0, fewStatusSpans: 0 });
    for (const filter of [{}, { statuses: ['error' as const] }, { text: 'zebra' }]) {
      const seen: number[] = [];
      let cursor: string | undefined;
      let calls = 0;
      do {
        const page = slow.page({ filter, limit: 5, cursor });
        expect(page.rows.length).toBeLessThanOrEqual(5);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
        calls++;
      } while (cursor && calls < 100);
      expect(calls).toBeGreaterThan(5);
      expect(seen).toEqual(ids(filter));
    }
  });

  it('continues a page right after its last row', () => {
    const first = q.page({ filter: { runId: 'run-a' }, limit: 5 });
    expect(first.rows.map((r) => r.id)).toEqual([20, 19, 18, 17, 16]);
    expect(q.page({ filter: { runId: 'run-a' }, limit: 5, cursor: first.nextCursor ?? '' }).rows[0]?.id).toBe(
      15,
    );
  });
});

describe('message query: bad input', () => {
  it('names the field of an invalid filter', () => {
    expect(() => q.page({ filter: { transports: ['smtp'] }, limit: 10 })).toThrow(
      /message filter: filter\.transports\.0/,
    );
    expect(() => q.page({ filter: {}, limit: 0 })).toThrow(/message filter: limit/);
    expect(() =>
      q.page({ filter: { json: [{ path: 'customer.id', op: '=', value: 1 }] }, limit: 10 }),
    ).toThrow(/filter\.json\.0\.path: a JSON path like \$\.customer\.id/);
  });

  it('explains invalid FTS syntax instead of leaking a raw SQLite error', () => {
    expect(() => q.page({ filter: { text: '"unterminated' }, limit: 10 })).toThrow(
      /full-text query ""unterminated": .*\(use words, "quoted phrases"/,
    );
    expect(() => q.page({ filter: { text: 'AND OR' }, limit: 10 })).toThrow(/full-text query "AND OR"/);
  });

  it('rejects a bad JSON predicate text and a forged cursor', () => {
    expect(() => parseJsonPredicate('$..x = 1')).toThrow(/bad path "\$\.\.x"/);
    expect(() => parseJsonPredicate('$.x ~ 1')).toThrow(/expected <path> <op> <value>/);
    expect(() => parseJsonPredicate('$.x =')).toThrow(/missing value/);
    expect(() => parseJsonPredicate('$.x = {"a":1}')).toThrow(/number, string, true, false or null/);
    expect(() => q.page({ filter: { json: [{ path: '$.x', op: '<', value: null }] }, limit: 10 })).toThrow(
      /null can only be compared with = or !=/,
    );
    expect(() => q.page({ filter: {}, limit: 10, cursor: 'abc' })).toThrow(
      /cursor "abc" is not one this store gave out/,
    );
  });
});
