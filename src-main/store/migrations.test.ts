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
  it('keeps one index for the per-run counts, and both counts read only it', () => {
    openStore(tmp.file).close();
    const db = raw(tmp.file);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(['events_run_node', 'events_trace_ts']);
    for (const sql of [
      'SELECT kind, count(*) FROM events WHERE run_id = ? GROUP BY kind',
      'SELECT node_id, kind, count(*) FROM events WHERE run_id = ? GROUP BY node_id, kind',
    ]) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('r') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join('; ')).toContain('USING COVERING INDEX events_run_node');
    }
    db.close();
  });

  it('creates the folder, migrates to the current version and turns WAL on', () => {
    openStore(tmp.file).close();
    const db = raw(tmp.file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(FLOWBENCH_APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['events', 'messages', 'runs', 'settings']);
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

  it('close checkpoints the WAL into the main file', () => {
    const store = openStore(tmp.file);
    store.setSetting('k', 'v');
    store.close();
    expect(() => readFileSync(`${tmp.file}-wal`)).toThrow();
    store.close(); // a second close is a no-op
  });
});
