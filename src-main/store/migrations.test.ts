import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FLOWBENCH_APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations';
import { openStore } from './open-store';
import { tempDbFile } from './test-fixtures';

let tmp: ReturnType<typeof tempDbFile>;
beforeEach(() => {
  tmp = tempDbFile();
});
afterEach(() => tmp.cleanup());

function raw(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  return new Database(file);
}

describe('openStore and migrations', () => {
  it('keeps one index for the per-run counts, and the store counts read only it', () => {
    openStore(tmp.file).close();
    const db = raw(tmp.file);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(['events_trace_ts', 'spans_rare_status', 'spans_run_node']);
    for (const sql of [
      'SELECT kind, count(*) FROM spans WHERE run_id = ? GROUP BY kind',
      'SELECT node_id, kind, count(*) FROM spans WHERE run_id = ? GROUP BY node_id, kind',
      'SELECT node_id, count(*) FROM spans WHERE run_id = ? AND settle_ts IS NOT NULL GROUP BY node_id',
    ]) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('r') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join('; ')).toContain('USING COVERING INDEX spans_run_node');
    }
    const trace = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM events WHERE trace_id = ? ORDER BY ts, id')
      .all('t') as Array<{ detail: string }>;
    expect(trace.filter((p) => p.detail.includes('USING INDEX events_trace_ts'))).toHaveLength(2);
    db.close();
  });

  it('creates the folder, migrates to the current version and turns WAL on', () => {
    openStore(tmp.file).close();
    const db = raw(tmp.file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(FLOWBENCH_APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'messages_fts_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'message_lookups_progress',
      'message_time_marks',
      'messages',
      'messages_by_trace',
      'messages_fts',
      'messages_json_irregular',
      'replay_links',
      'replays',
      'runs',
      'saga_instances',
      'settings',
      'spans',
    ]);
    const views = db.prepare("SELECT name FROM sqlite_master WHERE type = 'view'").pluck().all();
    expect(views).toEqual(['events']);
    db.close();
  });

  it('is idempotent on reopen and keeps data', () => {
    const first = openStore(tmp.file);
    first.setSetting('theme', 'dark');
    first.close();
    const second = openStore(tmp.file);
    expect(second.getSetting('theme')).toBe('dark');
    second.close();

    const db = raw(tmp.file);
    expect(() => migrate(db)).not.toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database from a newer Flowbench without touching it', () => {
    openStore(tmp.file).close();
    const db = raw(tmp.file);
    db.pragma('journal_mode = DELETE');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(tmp.file);

    expect(() => openStore(tmp.file)).toThrow(/made by a newer Flowbench/);
    expect(readFileSync(tmp.file).equals(before)).toBe(true);
  });

  it('refuses a corrupt file with a message naming it', () => {
    mkdirSync(dirname(tmp.file), { recursive: true });
    writeFileSync(tmp.file, Buffer.alloc(8192, 'not a database at all '));
    expect(() => openStore(tmp.file)).toThrow(`${tmp.file} is not a Flowbench database`);
  });

  it('refuses a SQLite file made by another program', () => {
    const db = raw(tmp.file);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    expect(() => openStore(tmp.file)).toThrow(`${tmp.file} is not a Flowbench database`);
  });

  it('opens an empty existing file as a new database', () => {
    mkdirSync(dirname(tmp.file), { recursive: true });
    writeFileSync(tmp.file, '');
    const store = openStore(tmp.file);
    expect(store.maxMessageId()).toBe(0);
    store.close();
  });

  it('v2 drops the unused trace index on messages and keeps the rows', () => {
    const v1 = raw(tmp.file);
    v1.exec(MIGRATIONS[0]);
    v1.pragma('user_version = 1');
    v1.exec(`INSERT INTO messages (id, run_id, trace_id, span_id, node_id, transport, destination, ts, headers, payload, size)
             VALUES (7, 'r', 't', 's', 'n', 'kafka', 'd', 1, '{}', x'00', 1)`);
    v1.close();
    const store = openStore(tmp.file);
    expect(store.maxMessageId()).toBe(7);
    store.close();
    const db = raw(tmp.file);
    const indexes = db.prepare(
      "SELECT name FROM sqlite_master WHERE tbl_name = 'messages' AND type = 'index'",
    );
    expect(indexes.pluck().all()).toEqual(['messages_run_id']);
    db.close();
  });

  it('v7 indexes the payload text of a v6 database and keeps the index in step with deletes', () => {
    const v6 = raw(tmp.file);
    for (const m of MIGRATIONS.slice(0, 6)) v6.exec(m);
    v6.pragma('user_version = 6');
    v6.exec(`INSERT INTO messages (id, run_id, trace_id, span_id, node_id, transport, destination, ts, headers, payload, size)
             VALUES (7, 'r', 't', 's', 'n', 'kafka', 'd', 1, '{}', CAST('{"note":"old parcel"}' AS BLOB), 20)`);
    v6.close();
    openStore(tmp.file).close();
    const db = raw(tmp.file);
    const match = db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'parcel'").pluck();
    expect(match.all()).toEqual([7]);
    db.exec('DELETE FROM messages WHERE id = 7');
    expect(match.all()).toEqual([]);
    db.close();
  });

  it('v5 keeps every event of a v4 database, one span per row, and the counts', () => {
    const v4 = raw(tmp.file);
    for (const m of MIGRATIONS.slice(0, 4)) v4.exec(m);
    v4.pragma('user_version = 4');
    const insert = v4.prepare(
      `INSERT INTO events (run_id, trace_id, span_id, parent_span_id, node_id, kind, transport, destination, ts,
         partition, offset, message_id, duration_ms, fault)
       VALUES ('r', 't', ?, ?, ?, ?, 'kafka', 'orders', ?, 0, '3', 1, ?, ?)`,
    );
    insert.run('s1', null, 'p', 'produce', 10, 1, null);
    insert.run(
      's2',
      's1',
      'c',
      'deliver',
      11,
      null,
      '{"injected":true,"kinds":["latency"],"detail":"latency 5 ms"}',
    );
    insert.run('s3', 's2', 'c', 'ack', 12, 1, null);
    v4.close();

    const store = openStore(tmp.file);
    const trace = store.traceEvents('t');
    expect(trace.map((e) => [e.kind, e.spanId, e.parentSpanId])).toEqual([
      ['produce', 's1', null],
      ['deliver', 's2', 's1'],
      ['ack', 's3', 's2'],
    ]);
    expect(trace[1].fault?.kinds).toEqual(['latency']);
    expect(store.countEvents('r')).toEqual({ produce: 1, deliver: 1, ack: 1 });
    expect(store.countEventsByNode('r')).toEqual({ p: { produce: 1 }, c: { deliver: 1, ack: 1 } });
    store.close();
  });

  it('v11 opens a v9 database with its runs kept and none marked as being deleted', () => {
    const v9 = raw(tmp.file);
    for (const m of MIGRATIONS.slice(0, 9)) v9.exec(m);
    v9.pragma('user_version = 9');
    v9.exec(`INSERT INTO runs (id, flow_name, flow_json, environment, state, started_at, ended_at, message_count)
             VALUES ('r', 'f', '{}', 'embedded', 'stopped', 1, 2, 1)`);
    v9.exec(`INSERT INTO messages (id, run_id, trace_id, span_id, node_id, transport, destination, ts, headers, payload, size)
             VALUES (7, 'r', 't', 's', 'n', 'kafka', 'd', 1, '{}', x'00', 1)`);
    v9.close();
    const store = openStore(tmp.file);
    expect(store.listRuns(10).map((r) => r.id)).toEqual(['r']);
    expect(store.listMessages('r', undefined, 10).rows.map((m) => m.id)).toEqual([7]);
    expect(store.runs.deleteSteps.marked()).toEqual([]);
    expect(store.runs.deleteRun('r')).toBe(true);
    expect(store.listRuns(10)).toEqual([]);
    store.close();
    const db = raw(tmp.file);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    db.close();
  });

  it('close checkpoints the WAL into the main file', () => {
    const store = openStore(tmp.file);
    store.setSetting('k', 'v');
    store.close();
    expect(() => readFileSync(`${tmp.file}-wal`)).toThrow();
    store.close(); // a second close is a no-op
  });
});
