import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonPredicate, type MessageFilter } from '@shared/trace/message-filter';
import { buildPageQuery, STATUS_SQL } from './message-page-sql';
import { createMessageQuery, type MessageQuery } from './message-query';
import { openStore } from './open-store';
import { RowPacker } from './packed-rows';
import type { MessageToInsert, SpanToInsert, Store } from './store';
import { sampleEvent, sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

// The fast paths of the message browser (v10: rare-status partial index, time marks, JSON
// equality prefiltered by FTS) must return exactly what a plain scan of every message returns.
// A seeded random recording: several runs, batches of random size, out-of-order clocks,
// imported messages with old times, replays with later ones, traces spanning several messages,
// statuses that arrive batches after their message, JSON written with escapes and exponents,
// ids reused after the newest rows were deleted, and an FTS index that lags behind.

let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
let reader: Database.Database;

/** mulberry32: the same recording on every run of the test. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'Alice', 'café'];
/** Raw JSON texts of values, some equal to 42 or "Alice" without their tokens showing plainly. */
const AMOUNTS = [
  '42',
  '42.0',
  '4.2e1',
  '420E-1',
  '41.99999999999999999',
  '2.5',
  '2.50',
  '25e-1',
  '-42',
  '7',
  '1',
  '0',
];
const NOTES = [
  '"Alice"',
  '"\\u0041lice"',
  '"Al\\u0069ce"',
  'null',
  '"alice"',
  '"bob"',
  '"caf\\u00e9"',
  '"café"',
];
const FLAGS = ['true', 'false', '1', '0', '1.0', '0.99999999999999999999', '-0.0', 'null'];

function payloadText(): string {
  const r = rnd();
  if (r < 0.03) return 'plain text 42 Alice, not JSON';
  const customer = `{"id":${Math.floor(rnd() * 12)},"name":"${pick(WORDS)} ${pick(WORDS)}"}`;
  return `{"customer":${customer},"amount":${pick(AMOUNTS)},"flag":${pick(FLAGS)},"note":${pick(NOTES)},"nested":[${Math.floor(rnd() * 4)},"x"]}`;
}

let nextId = 1;
let nextSpan = 1;
const recentTraces: string[] = [];
let late: SpanToInsert[] = [];

function rareSpans(t: string, ts: number, runId: string): SpanToInsert[] {
  const out: SpanToInsert[] = [];
  const base = { runId, traceId: t, parentSpanId: null, ts };
  const r = rnd();
  if (r < 0.02) out.push(sampleEvent({ ...base, spanId: spanId(nextSpan++), kind: 'error', error: 'boom' }));
  else if (r < 0.03) out.push(sampleEvent({ ...base, spanId: spanId(nextSpan++), kind: 'invalid' }));
  else if (r < 0.05) {
    out.push(sampleEvent({ ...base, spanId: spanId(nextSpan++), kind: 'nack', destination: 'work' }));
    if (rnd() < 0.5)
      out.push(
        sampleEvent({
          ...base,
          spanId: spanId(nextSpan++),
          kind: 'deliver',
          destination: 'work.dlq',
          ts: ts + 5,
        }),
      );
  } else if (r < 0.06) out.push(sampleEvent({ ...base, spanId: spanId(nextSpan++), kind: 'unroutable' }));
  else if (r < 0.07)
    out.push(
      sampleEvent({
        ...base,
        spanId: spanId(nextSpan++),
        kind: 'deliver',
        fault: { injected: true, kinds: ['latency'], detail: 'latency 5 ms' },
      }),
    );
  return out;
}

/** One insert transaction of `count` messages in `runId`, with the statuses due by now. */
function batch(runId: string, count: number, clock: (id: number) => number): void {
  const messages: MessageToInsert[] = [];
  const spans: SpanToInsert[] = late.filter(() => rnd() < 0.5);
  late = late.filter((s) => !spans.includes(s));
  for (let i = 0; i < count; i++) {
    const id = nextId++;
    const t = recentTraces.length > 0 && rnd() < 0.2 ? pick(recentTraces) : traceId(100_000 + id);
    recentTraces.push(t);
    if (recentTraces.length > 50) recentTraces.shift();
    const ts = clock(id);
    messages.push({
      ...sampleMessage({
        runId,
        traceId: t,
        spanId: spanId(nextSpan),
        nodeId: pick(['a', 'b', 'c']),
        ts,
        payload: rnd() < 0.01 ? new Uint8Array([0xff, 0x00, 0x42]) : new TextEncoder().encode(payloadText()),
      }),
      id,
    });
    spans.push({
      ...sampleEvent({ runId, traceId: t, spanId: spanId(nextSpan++), messageId: id, ts }),
      ack: rnd() < 0.3 ? { spanId: spanId(nextSpan++), ts: ts + 1, durationMs: 1 } : undefined,
    });
    const rare = rareSpans(t, ts + 2, runId);
    // Some statuses are recorded batches after their message (a nack after a redelivery delay).
    if (rnd() < 0.3) late.push(...rare);
    else spans.push(...rare);
  }
  store.insertBatch(messages, spans);
}

const live = (id: number): number => 1_000_000 + id * 10 + Math.floor((rnd() - 0.5) * 4000);
const imported = (): number => Math.floor(rnd() * 500_000);
const replayed = (): number => 3_000_000 + Math.floor(rnd() * 100_000);

function record(total: number): void {
  while (nextId <= total) {
    const kind = rnd();
    const count = Math.min(total - nextId + 1, 1 + Math.floor(rnd() * (rnd() < 0.2 ? 400 : 40)));
    if (kind < 0.1) batch('run-import', count, imported);
    else if (kind < 0.2) batch('run-replay', count, replayed);
    else batch(pick(['run-1', 'run-2', 'run-3']), count, live);
  }
}

beforeAll(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
  record(8600);
  store.indexFullText();
  store.close();
  // The newest rows deleted (a run deleted by hand); the next session reuses their ids.
  const raw = new Database(tmp.file);
  raw.exec('DELETE FROM messages WHERE id > 8200; DELETE FROM spans WHERE message_id > 8200');
  raw.close();
  nextId = 8201;
  store = openStore(tmp.file);
  record(9000);
  if (late.length > 0) store.insertBatch([], late);
  // Part of the newest rows not in the FTS index yet: they must be read directly.
  store.indexFullText(500);
  reader = new Database(tmp.file, { readonly: true });
});
afterAll(() => {
  reader.close();
  store.close();
  tmp.cleanup();
});

/** What a plain scan of every message returns: spans by the trace index as before v10, no marks, no FTS. */
function plainScan(filter: MessageFilter): number[] {
  const { statuses, ...rest } = filter;
  const { sql, binds } = buildPageQuery(rest, Number.MAX_SAFE_INTEGER, 0, -1, { kind: 'scan' });
  const status = statuses
    ? `AND EXISTS (SELECT 1 FROM spans s INDEXED BY events_trace_ts WHERE s.trace_id = m.trace_id AND (${statuses.map((s) => `(${STATUS_SQL[s]})`).join(' OR ')}))`
    : '';
  const where = sql.replace(' ORDER BY', ` ${status} ORDER BY`);
  return (reader.prepare(where).all(binds) as Array<{ id: number }>).map((r) => r.id);
}

/** Every page of a filter, following cursors. */
function allPages(
  q: MessageQuery,
  filter: MessageFilter,
  limit: number,
): { ids: number[]; firstPage: number } {
  const ids: number[] = [];
  let firstPage = -1;
  let cursor: string | undefined;
  for (let calls = 0; calls < 10_000; calls++) {
    const page = q.page({ filter, limit, cursor });
    if (firstPage < 0) firstPage = page.rows.length;
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return { ids, firstPage };
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const json = (text: string): MessageFilter => ({ json: [parseJsonPredicate(text)] });
const FILTERS: Array<[string, MessageFilter]> = [
  ...(['acked', 'nacked', 'dead-lettered', 'error', 'unroutable', 'injected-fault'] as const).map(
    (s): [string, MessageFilter] => [`status ${s}`, { statuses: [s] }],
  ),
  ['status error or unroutable', { statuses: ['error', 'unroutable'] }],
  ['status acked or error', { statuses: ['acked', 'error'] }],
  ['time: oldest live 10 %', { to: 1_000_000 + 900 * 10 }],
  ['time: newest live 10 %', { from: 1_000_000 + 8100 * 10 }],
  ['time: a narrow live window', { from: 1_010_000, to: 1_011_000 }],
  ['time: imported times', { from: 100_000, to: 200_000 }],
  ['time: replayed times', { from: 3_050_000 }],
  ['time: nothing', { from: 9_000_000 }],
  ['json number', json('$.amount = 42')],
  ['json negative number', json('$.amount = -42')],
  ['json fraction', json('$.amount = 2.5')],
  ['json small int', json('$.customer.id = 7')],
  ['json array item', json('$.nested[0] = 3')],
  ['json true', json('$.flag = true')],
  ['json false', json('$.flag = false')],
  ['json 1', json('$.flag = 1')],
  ['json 0', json('$.amount = 0')],
  ['json null', json('$.note = null')],
  ['json string', json('$.note = "Alice"')],
  ['json string with accent', json('$.note = "café"')],
  ['json two words', json('$.customer.name = "alpha bravo"')],
  ['json string without tokens', json('$.note = "-"')],
  ['json range (plain scan)', json('$.amount > 41')],
  ['status + time', { statuses: ['nacked'], from: 1_005_000, to: 1_030_000 }],
  ['json + run', { runId: 'run-2', ...json('$.note = "Alice"') }],
  ['json + time', { to: 1_020_000, ...json('$.amount = 42') }],
];

describe('message query fast paths return exactly what a plain scan returns', () => {
  it('the recording has what the comparison needs', () => {
    expect(plainScan({ statuses: ['error'] }).length).toBeGreaterThan(20);
    expect(plainScan({ statuses: ['dead-lettered'] }).length).toBeGreaterThan(5);
    expect(plainScan(json('$.amount = 42')).length).toBeGreaterThan(100);
    expect(plainScan(json('$.note = "Alice"')).length).toBeGreaterThan(200);
    expect(plainScan({ from: 100_000, to: 200_000 }).length).toBeGreaterThan(20);
    // Ids were reused, and the newest ones are above the FTS index's mark.
    expect(reader.prepare('SELECT max(id) FROM messages').pluck().get()).toBe(9000);
    expect(reader.prepare('SELECT indexed_upto FROM messages_fts_progress').pluck().get()).toBeLessThan(9000);
  });

  for (const [label, filter] of FILTERS)
    it(label, () => {
      const expected = plainScan(filter);
      const fast = allPages(createMessageQuery(reader), filter, 23);
      expect(fast.ids).toEqual(expected);
      expect(fast.firstPage).toBe(Math.min(23, expected.length));
      // Small windows and no time budget: a partial page at every step, still nothing lost;
      // and a rare status taken as common (scanned, probing the partial index).
      expect(allPages(createMessageQuery(reader, { windowIds: 37, budgetMs: 0 }), filter, 9).ids).toEqual(
        expected,
      );
      expect(allPages(createMessageQuery(reader, { fewStatusSpans: 0 }), filter, 23).ids).toEqual(expected);
    });

  it('through the store, on the writer connection, before and after the catch-up', () => {
    const viaStore = (filter: MessageFilter): number[] =>
      allPages({ page: (r) => store.queryMessages(r) }, filter, 500).ids;
    for (const [, filter] of FILTERS) expect(viaStore(filter)).toEqual(plainScan(filter));
    store.indexFullText();
    expect(reader.prepare('SELECT indexed_upto FROM messages_fts_progress').pluck().get()).toBe(9000);
    for (const [, filter] of FILTERS) expect(viaStore(filter)).toEqual(plainScan(filter));
  }, 60_000);
});

describe('the indexes behind the fast paths', () => {
  it('a rare status probes the partial index, not every span of each trace', () => {
    const { sql, binds } = buildPageQuery({ statuses: ['error'] }, 100, 0, 10);
    const plan = reader.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(binds) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('; ')).toContain('spans_rare_status');
  });

  it("the recorder thread's packed inserts write time marks too", () => {
    const own = tempDbFile();
    const packedStore = openStore(own.file);
    for (const [from, clock] of [
      [1, (id: number) => 5000 - id],
      [11, (id: number) => id],
    ] as const) {
      const packer = new RowPacker();
      for (let id = from; id < from + 10; id++)
        packer.addMessage(id, sampleMessage({ traceId: traceId(id), ts: clock(id) }));
      packedStore.insertPacked([packer.take()]);
    }
    const ids = (filter: MessageFilter): number[] =>
      packedStore.queryMessages({ filter, limit: 100 }).rows.map((r) => r.id);
    expect(ids({ from: 4990 })).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(ids({ to: 15 })).toEqual([14, 13, 12, 11]);
    packedStore.close();
    own.cleanup();
  });

  it('every stored message lies in a time mark that spans its time', () => {
    const outside = reader
      .prepare(
        `SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM message_time_marks k
           WHERE m.id BETWEEN k.lo AND k.hi AND m.ts BETWEEN k.min_ts AND k.max_ts)`,
      )
      .pluck()
      .get();
    expect(outside).toBe(0);
    // A mark per block of ids, not per insert transaction.
    expect(reader.prepare('SELECT count(*) FROM message_time_marks').pluck().get()).toBeLessThan(20);
  });
});
