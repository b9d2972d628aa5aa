import type Database from 'better-sqlite3';
import { IRREGULAR_JSON_SQL } from './json-prefilter';

/**
 * Full-text indexing of message payloads, off the recorder's hot path (migration v8): the
 * recorder only inserts rows; this copies their text into `messages_fts` afterwards, in
 * id order, remembering how far it got. Ids are given out in order and each batch commits
 * whole, so "every id up to the highest stored one" is a complete prefix to index. Since v10
 * the same pass, under a mark of its own, notes irregular JSON payloads and maps trace ids to
 * message ids for the message browser's fast paths.
 */
export interface FtsIndexer {
  /**
   * Indexes unindexed rows, at most `maxIds` ids per call (all when omitted), each chunk in
   * its own short write transaction. Returns how many ids it covered.
   */
  catchUp(maxIds?: number): number;
  /** Ids stored but not yet indexed (0 when the index is complete). */
  pending(): number;
}

/** Ids per write transaction: short enough that the recorder's next batch never waits long. */
const CHUNK_IDS = 5000;

export function createFtsIndexer(db: Database.Database): FtsIndexer {
  const marks = ['messages_fts_progress', 'message_lookups_progress'];
  // Deleting the newest runs can leave a mark above every stored id; the recorder of the next
  // session then reuses those ids, which must not count as indexed. Done on open, before any insert.
  if (!db.readonly)
    for (const table of marks)
      db.prepare(
        `UPDATE ${table} SET indexed_upto = (SELECT coalesce(max(id), 0) FROM messages) WHERE indexed_upto > (SELECT coalesce(max(id), 0) FROM messages)`,
      ).run();
  const [ftsUpTo, lookupsUpTo] = marks.map((table) =>
    db.prepare<[], number>(`SELECT indexed_upto FROM ${table}`).pluck(),
  );
  const [advanceFts, advanceLookups] = marks.map((table) =>
    db.prepare<[number]>(`UPDATE ${table} SET indexed_upto = ?`),
  );
  const maxId = db.prepare<[], number | null>('SELECT max(id) FROM messages').pluck();
  const fill = db.prepare<[number, number]>(
    'INSERT INTO messages_fts (rowid, body) SELECT id, CAST(payload AS TEXT) FROM messages WHERE id > ? AND id <= ?',
  );
  // Migration v10: the payloads whose JSON values may not show as their own FTS tokens, so a
  // JSON equality prefiltered by the FTS index reads them too (json-prefilter.ts).
  const noteIrregular = db.prepare<[number, number]>(
    `INSERT OR IGNORE INTO messages_json_irregular (id) SELECT id FROM messages WHERE id > ? AND id <= ? AND (${IRREGULAR_JSON_SQL})`,
  );
  // Migration v10: message ids by trace id, for rare statuses (message-query.ts).
  const mapTraces = db.prepare<[number, number]>(
    'INSERT OR IGNORE INTO messages_by_trace (trace_id, id) SELECT trace_id, id FROM messages WHERE id > ? AND id <= ?',
  );
  // Each mark moves on by at most `limit` ids; the FTS one and the lookups one (which starts
  // from 0 on a workspace upgraded to v10) may stand apart.
  const step = (
    mark: Database.Statement<[], number>,
    advance: Database.Statement<[number]>,
    top: number,
    limit: number,
    work: (from: number, to: number) => void,
  ): number => {
    const from = mark.get() ?? 0;
    if (top <= from) return 0;
    const to = Math.min(top, from + limit);
    work(from, to);
    advance.run(to);
    return to - from;
  };
  // IMMEDIATE: takes the write lock before reading the marks, so two indexers (or a reader that
  // would need to upgrade) never index the same ids twice.
  const chunk = db.transaction((limit: number): number => {
    const top = maxId.get() ?? 0;
    const fts = step(ftsUpTo, advanceFts, top, limit, (from, to) => fill.run(from, to));
    const lookups = step(lookupsUpTo, advanceLookups, top, limit, (from, to) => {
      noteIrregular.run(from, to);
      mapTraces.run(from, to);
    });
    return Math.max(fts, lookups);
  });
  return {
    catchUp(maxIds = Number.MAX_SAFE_INTEGER) {
      let done = 0;
      while (done < maxIds) {
        const n = chunk.immediate(Math.min(CHUNK_IDS, maxIds - done));
        if (n === 0) break;
        done += n;
      }
      return done;
    },
    pending() {
      const top = maxId.get() ?? 0;
      return Math.max(0, top - Math.min(ftsUpTo.get() ?? 0, lookupsUpTo.get() ?? 0));
    },
  };
}
