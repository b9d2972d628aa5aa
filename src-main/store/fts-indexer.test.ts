import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store';
import type { MessageToInsert, Store } from './store';
import { sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function messages(from: number, count: number, word: (id: number) => string): MessageToInsert[] {
  return Array.from({ length: count }, (_, i) => {
    const id = from + i;
    return {
      ...sampleMessage({ traceId: traceId(id), spanId: spanId(id), payload: enc(`{"note":"${word(id)}"}`) }),
      id,
    };
  });
}

const idsMatching = (store: Store, text: string): number[] => {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = store.queryMessages({ filter: { text }, limit: 1000, cursor });
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids.sort((a, b) => a - b);
};

describe('full-text indexing off the recorder path (migration v8)', () => {
  let tmp: ReturnType<typeof tempDbFile>;
  let store: Store;
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('inserting does not index, yet a full-text query right after finds every stored message', () => {
    tmp = tempDbFile();
    store = openStore(tmp.file);
    store.insertBatch(
      messages(1, 3000, (id) => (id % 3 === 0 ? 'needle' : 'hay')),
      [],
    );
    const raw = new Database(tmp.file, { readonly: true });
    const indexed = raw.prepare('SELECT indexed_upto FROM messages_fts_progress').pluck();
    expect(indexed.get()).toBe(0);
    expect(idsMatching(store, 'needle')).toHaveLength(1000);
    expect(indexed.get()).toBe(3000);
    raw.close();
  });

  it('stays complete across partial idle catch-ups interleaved with new batches and deletes', () => {
    tmp = tempDbFile();
    store = openStore(tmp.file);
    const expected: number[] = [];
    let next = 1;
    for (let round = 0; round < 6; round++) {
      const batch = messages(next, 700, (id) => (id % 7 === 0 ? 'parcel lost' : 'parcel ok'));
      store.insertBatch(batch, []);
      expected.push(...batch.filter((m) => m.id % 7 === 0).map((m) => m.id));
      next += 700;
      // An idle catch-up that stops midway, as the engine's bounded batches do.
      store.indexFullText(450);
    }
    expect(idsMatching(store, '"parcel lost"')).toEqual(expected);
    // Deleted rows leave the index too (the delete trigger stays).
    const rw = new Database(tmp.file);
    rw.prepare('DELETE FROM messages WHERE id = ?').run(expected[0]);
    rw.close();
    expect(idsMatching(store, '"parcel lost"')).toEqual(expected.slice(1));
    expect(store.indexFullText()).toBe(0);
  });

  it('after the newest rows are deleted (unindexed ones too), ids reused by the next session are indexed', () => {
    tmp = tempDbFile();
    store = openStore(tmp.file);
    store.insertBatch(
      messages(1, 100, () => 'old'),
      [],
    );
    store.indexFullText();
    store.insertBatch(
      messages(101, 20, () => 'never indexed'),
      [],
    );
    const rw = new Database(tmp.file);
    rw.prepare('DELETE FROM messages WHERE id > 50').run();
    rw.close();
    store.close();
    store = openStore(tmp.file);
    store.insertBatch(
      messages(51, 30, () => 'reused'),
      [],
    );
    expect(idsMatching(store, 'reused')).toEqual(Array.from({ length: 30 }, (_, i) => 51 + i));
    expect(idsMatching(store, 'old')).toHaveLength(50);
    expect(idsMatching(store, 'never')).toEqual([]);
  });

  it('keeps what v7 indexed when upgrading to v8, and indexes what comes after', () => {
    tmp = tempDbFile();
    store = openStore(tmp.file);
    store.insertBatch(
      messages(1, 10, () => 'before upgrade'),
      [],
    );
    store.indexFullText();
    store.close();
    // A v7 database: the insert trigger in place, no progress table (nor the later tables of v9, v10, v11).
    const raw = new Database(tmp.file);
    raw.exec(`DROP TABLE messages_fts_progress;
      DROP TABLE replays;
      DROP TABLE replay_links;
      DROP INDEX spans_rare_status;
      DROP TABLE message_time_marks;
      DROP TABLE messages_json_irregular;
      DROP TABLE messages_by_trace;
      DROP TABLE message_lookups_progress;
      DROP TRIGGER messages_v10_delete;
      DROP INDEX runs_deleting;
      ALTER TABLE runs DROP COLUMN deleting;
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, body) VALUES (new.id, CAST(new.payload AS TEXT));
      END;
      PRAGMA user_version = 7;`);
    raw.close();
    store = openStore(tmp.file);
    store.insertBatch(
      messages(11, 5, () => 'after upgrade'),
      [],
    );
    expect(idsMatching(store, 'before')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(idsMatching(store, 'after')).toEqual([11, 12, 13, 14, 15]);
  });
});
