import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonPredicate } from '@shared/trace/message-filter';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { openStore } from './open-store';
import { sampleEvent, sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

let tmp: ReturnType<typeof tempDbFile>;
beforeEach(() => {
  tmp = tempDbFile();
});
afterEach(() => tmp.cleanup());

/** A v9 database with 80 messages (times out of order), 60 of them in the FTS index. */
function v9File(): void {
  mkdirSync(dirname(tmp.file), { recursive: true });
  const db = new Database(tmp.file);
  for (const m of MIGRATIONS.slice(0, 9)) db.exec(m);
  db.pragma('user_version = 9');
  const insert = db.prepare(
    `INSERT INTO messages (id, run_id, trace_id, span_id, node_id, transport, destination, ts, headers, payload, size)
     VALUES (?, 'r', ?, 's', 'n', 'kafka', 'd', ?, '{}', CAST(? AS BLOB), 1)`,
  );
  for (let id = 1; id <= 80; id++) {
    // Every tenth message is written with an exponent: the FTS token "42" is not in it.
    const amount = id % 10 === 0 ? '4.2e1' : id % 3 === 0 ? '42' : '7';
    insert.run(id, traceId(id), id % 7 === 0 ? 5000 - id : 1000 + id, `{"amount":${amount}}`);
  }
  db.prepare(
    `INSERT INTO spans (run_id, trace_id, span_id, node_id, kind, transport, destination, ts, error)
     VALUES ('r', ?, ?, 'n', 'error', 'kafka', 'd', 1, 'boom')`,
  ).run(traceId(33), spanId(33));
  db.exec(`INSERT INTO messages_fts (rowid, body) SELECT id, CAST(payload AS TEXT) FROM messages WHERE id <= 60;
    UPDATE messages_fts_progress SET indexed_upto = 60;`);
  db.close();
}

describe('migration v10: what lets rare filters fill a first page', () => {
  it('marks what a v9 database holds, fills the lookups later off the open, and answers exactly throughout', () => {
    v9File();
    const store = openStore(tmp.file);
    const raw = new Database(tmp.file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      raw
        .prepare(
          `SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM message_time_marks k
             WHERE m.id BETWEEN k.lo AND k.hi AND m.ts BETWEEN k.min_ts AND k.max_ts)`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    // The lookups start empty (a quick migration); until the catch-up fills them, ids above
    // their mark are read directly.
    expect(raw.prepare('SELECT count(*) FROM messages_json_irregular').pluck().get()).toBe(0);
    const ids = (filter: object): number[] =>
      store.queryMessages({ filter, limit: 100 }).rows.map((r) => r.id);
    expect(ids({ statuses: ['error'] })).toEqual([33]);
    expect(ids({ from: 4900 })).toEqual([77, 70, 63, 56, 49, 42, 35, 28, 21, 14, 7]);
    const fortyTwo = Array.from({ length: 80 }, (_, i) => 80 - i).filter(
      (id) => id % 10 === 0 || id % 3 === 0,
    );
    expect(raw.prepare('SELECT count(*) FROM messages_by_trace').pluck().get()).toBe(0);
    // Above the catch-up mark rows are read directly; after the catch-up, through the notes.
    expect(ids({ json: [parseJsonPredicate('$.amount = 42')] })).toEqual(fortyTwo);
    // Part way: the FTS mark at 80, the lookups' at 30.
    expect(store.indexFullText(30)).toBe(30);
    expect(raw.prepare('SELECT id FROM messages_json_irregular ORDER BY id').pluck().all()).toEqual([
      10, 20, 30,
    ]);
    expect(ids({ json: [parseJsonPredicate('$.amount = 42')] })).toEqual(fortyTwo);
    expect(ids({ statuses: ['error'] })).toEqual([33]);
    store.indexFullText();
    expect(raw.prepare('SELECT id FROM messages_json_irregular ORDER BY id').pluck().all()).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80,
    ]);
    expect(raw.prepare('SELECT count(*) FROM messages_by_trace').pluck().get()).toBe(80);
    expect(ids({ json: [parseJsonPredicate('$.amount = 42')] })).toEqual(fortyTwo);
    expect(ids({ statuses: ['error'] })).toEqual([33]);

    // New rows after the upgrade get their marks in their own insert transaction.
    store.insertBatch(
      [{ ...sampleMessage({ traceId: traceId(81), ts: 1 }), id: 81 }],
      [sampleEvent({ traceId: traceId(81), spanId: spanId(81), kind: 'unroutable' })],
    );
    expect(ids({ to: 2 })).toEqual([81]);
    expect(ids({ statuses: ['unroutable'] })).toEqual([81]);
    raw.close();
    store.close();
  });
});
