import type Database from 'better-sqlite3';

/**
 * Time marks (migration v10), like a PostgreSQL BRIN index: for each block of message ids,
 * the lowest and highest `ts` stored in it. Ids grow with time but timestamps arrive out of
 * order (clocks, imports, replays), so a time range cannot be turned into one id range; the
 * marks turn it into the exact list of id blocks that can hold a match, and the page query
 * still checks `ts` on every row it reads. A mark may cover more ids or a wider time than its
 * rows (deleted runs, a batch that extended it): that only costs reading a few more rows,
 * never a missed one, as long as every stored message lies in some mark, which the insert
 * transactions guarantee by writing the mark together with their rows.
 */

/** Ids a mark grows to before the next batch starts a new one. */
export const MARK_IDS = 4096;

/** The ids and times of one insert transaction's messages, gathered while inserting. */
export class TimeSpan {
  lo = Number.POSITIVE_INFINITY;
  hi = Number.NEGATIVE_INFINITY;
  minTs = Number.POSITIVE_INFINITY;
  maxTs = Number.NEGATIVE_INFINITY;

  /** Four compares per message: what the recorder's path pays for time marks. */
  add(id: number, ts: number): void {
    if (id < this.lo) this.lo = id;
    if (id > this.hi) this.hi = id;
    if (ts < this.minTs) this.minTs = ts;
    if (ts > this.maxTs) this.maxTs = ts;
  }
}

/** Writes the mark of one insert transaction; call inside that transaction. */
export type TimeMarkWriter = (span: TimeSpan) => void;

export function createTimeMarkWriter(db: Database.Database): TimeMarkWriter {
  // The newest mark grows when this batch's ids all lie above it and it stays small;
  // otherwise (a first batch, ids reused after deleting the newest runs) a new mark starts.
  const extend = db.prepare<[{ lo: number; hi: number; minTs: number; maxTs: number }]>(
    `UPDATE message_time_marks SET hi = @hi, min_ts = min(min_ts, @minTs), max_ts = max(max_ts, @maxTs)
     WHERE id = (SELECT max(id) FROM message_time_marks) AND hi < @lo AND @hi - lo < ${MARK_IDS}`,
  );
  const insert = db.prepare<[{ lo: number; hi: number; minTs: number; maxTs: number }]>(
    'INSERT INTO message_time_marks (lo, hi, min_ts, max_ts) VALUES (@lo, @hi, @minTs, @maxTs)',
  );
  return (span) => {
    if (span.lo > span.hi) return;
    const row = { lo: span.lo, hi: span.hi, minTs: span.minTs, maxTs: span.maxTs };
    if (extend.run(row).changes === 0) insert.run(row);
  };
}

/** Inclusive id ranges, newest first, that do not overlap. */
export type IdRanges = Array<[lo: number, hi: number]>;

/** Reads the id ranges that can hold a message with `from <= ts < to` (either bound optional). */
export function createTimeRangeReader(
  db: Database.Database,
): (from: number | undefined, to: number | undefined) => IdRanges {
  const select = (
    from: boolean,
    to: boolean,
  ): Database.Statement<[Record<string, number>], [number, number]> =>
    db
      .prepare<[Record<string, number>], [number, number]>(
        `SELECT lo, hi FROM message_time_marks WHERE ${[from ? 'max_ts >= @from' : '1', to ? 'min_ts < @to' : '1'].join(' AND ')} ORDER BY hi DESC`,
      )
      .raw();
  const both = select(true, true);
  const fromOnly = select(true, false);
  const toOnly = select(false, true);
  return (from, to) => {
    const st = from !== undefined && to !== undefined ? both : from !== undefined ? fromOnly : toOnly;
    const binds: Record<string, number> = {};
    if (from !== undefined) binds.from = from;
    if (to !== undefined) binds.to = to;
    const merged: IdRanges = [];
    // Sorted by hi descending; a mark overlapping the last merged range widens it downwards.
    for (const [lo, hi] of st.all(binds)) {
      const last = merged[merged.length - 1];
      if (last && hi >= last[0] - 1) last[0] = Math.min(last[0], lo);
      else merged.push([lo, hi]);
    }
    return merged;
  };
}
