import type Database from 'better-sqlite3';
import {
  messagePageRequestSchema,
  type MessageFilter,
  type MessagePage,
  type MessageStatus,
} from '../../src-shared/trace/message-filter';
import { createFtsIndexer } from './fts-indexer';
import { jsonPrefilterQuery } from './json-prefilter';
import {
  buildPageQuery,
  hiddenRunsReader,
  RARE_SPANS,
  STATUS_SQL,
  type Binds,
  type PageDbRow,
  type PageDriver,
  toPageRow,
} from './message-page-sql';
import { createTimeRangeReader, type IdRanges } from './time-marks';

/**
 * The message browser's query (issue 6): one page of recorded messages, newest first, that
 * match a combined filter. Paging is keyset on `messages.id` (the cursor is the last id
 * shown), so page N costs what page 1 costs: no OFFSET.
 */

/** Rows matching the filter in ids [floor, before), newest first, at most `limit`. */
type Prefilter = (before: number, floor: number, limit: number) => PageDbRow[];

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return Number.MAX_SAFE_INTEGER;
  const id = /^\d{1,16}$/.test(cursor) ? Number(cursor) : NaN;
  if (!Number.isSafeInteger(id))
    throw new Error(`message page cursor "${cursor}" is not one this store gave out`);
  return id;
}

/** Zod's complaints as one line naming each field. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(request)'}: ${i.message}`).join('; ');
}

/** Reads the statuses of a message's trace (for the browser's status column and exports). */
export function createStatusReader(db: Database.Database): (traceId: string) => MessageStatus[] {
  const statusKinds = db.prepare<[string], { kind: string; settled: number; faulted: number }>(
    'SELECT kind, max(settle_ts IS NOT NULL) AS settled, max(fault IS NOT NULL) AS faulted FROM spans WHERE trace_id = ? GROUP BY kind',
  );
  const statusesOf = (traceId: string): MessageStatus[] => {
    const out = new Set<MessageStatus>();
    const rows = statusKinds.all(traceId);
    const kinds = new Set(rows.map((r) => r.kind));
    if (kinds.has('ack') || rows.some((r) => r.settled)) out.add('acked');
    if (kinds.has('nack')) out.add('nacked');
    if (kinds.has('error') || kinds.has('invalid')) out.add('error');
    if (kinds.has('unroutable')) out.add('unroutable');
    if (rows.some((r) => r.faulted)) out.add('injected-fault');
    return [...out];
  };
  const deadLettered = db.prepare<[string], number>(
    `SELECT 1 FROM spans s WHERE s.trace_id = ? AND ${STATUS_SQL['dead-lettered']} LIMIT 1`,
  );
  deadLettered.pluck();
  return (traceId) => {
    const statuses = statusesOf(traceId);
    if (deadLettered.get(traceId) !== undefined) statuses.push('dead-lettered');
    return statuses;
  };
}

export interface MessageQuery {
  /** One page; throws an Error naming the field on a bad filter, FTS query or cursor. */
  page(request: unknown): MessagePage;
}

/** Tuning of the bounded scan; the defaults are what the bench measured. */
export interface MessageQueryOptions {
  /** Ids scanned by the first window of a page; further windows fit the rest of the budget. */
  windowIds?: number;
  /** Once a page has spent this long, it returns what it found and a cursor to go on. */
  budgetMs?: number;
  /**
   * Up to this many spans of a rare status, its messages are found through their traces;
   * past it, the status is common enough that scanning messages fills a page sooner.
   */
  fewStatusSpans?: number;
}

/** Prepares the per-row status lookup; page statements are built per filter shape. */
export function createMessageQuery(db: Database.Database, options: MessageQueryOptions = {}): MessageQuery {
  const firstWindow = options.windowIds ?? 5000;
  const budgetMs = options.budgetMs ?? 30;
  const fewSpans = options.fewStatusSpans ?? 5000;
  // Apart: SQLite reads min() or max() alone from the ends of the rowid b-tree, but scans
  // the whole table for both in one SELECT.
  const minId = db.prepare<[], number | null>('SELECT min(id) FROM messages').pluck();
  const maxId = db.prepare<[], number | null>('SELECT max(id) FROM messages').pluck();
  // The prefilters read the FTS index, the irregular notes and the trace map: all hold ids up to here.
  const indexedUpToAll = db
    .prepare<[], number>(
      'SELECT min((SELECT indexed_upto FROM messages_fts_progress), (SELECT indexed_upto FROM message_lookups_progress))',
    )
    .pluck();
  const statusesOf = createStatusReader(db);
  const fts = createFtsIndexer(db);
  const timeRanges = createTimeRangeReader(db);
  const hiddenRuns = hiddenRunsReader(db);
  /** Runs being deleted, read once per page: every statement of the page leaves them out. */
  let hidden: string[] = [];

  const cache = new Map<string, Database.Statement<[Binds], PageDbRow>>();
  const prepare = (sql: string): Database.Statement<[Binds], PageDbRow> => {
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare<[Binds], PageDbRow>(sql);
      if (cache.size > 64) cache.clear();
      cache.set(sql, st);
    }
    return st;
  };

  const run = (
    filter: MessageFilter,
    before: number,
    floor: number,
    limit: number,
    driver?: PageDriver,
  ): PageDbRow[] => {
    const { sql, binds } = buildPageQuery(filter, before, floor, limit, driver, hidden);
    try {
      return prepare(sql).all(binds);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (filter.text !== undefined && /fts5|syntax error|unterminated|no such column/i.test(msg))
        throw new Error(
          `full-text query "${filter.text}": ${msg} (use words, "quoted phrases", prefix*, AND, OR, NOT)`,
        );
      throw new Error(`message query failed: ${msg}`);
    }
  };

  /** Matches in ids [floor, before) that a JSON equality's FTS candidates and the irregular payloads hold. */
  const jsonCandidates =
    (filter: MessageFilter, match: string): Prefilter =>
    (before, floor, limit) => {
      const byId = new Map<number, PageDbRow>();
      for (const row of run(filter, before, floor, limit, { kind: 'fts', match })) byId.set(row.id, row);
      for (const row of run(filter, before, floor, limit, { kind: 'irregular' })) byId.set(row.id, row);
      // Each list holds its newest `limit`, so the newest `limit` of both are the window's.
      return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, limit);
    };

  const spanCounts = new Map<string, Database.Statement<[], number>>();
  /**
   * How a page finds its rows below the catch-up mark without scanning every message: a rare
   * status through its traces while it has few spans (past that, it is common enough that the
   * scan fills a page sooner); a JSON equality through the FTS index. Null: scan.
   */
  const choosePrefilter = (filter: MessageFilter): Prefilter | null => {
    if (filter.text !== undefined) return null;
    const statuses = filter.statuses;
    if (statuses && !statuses.includes('acked')) {
      const any = statuses.map((st) => `(${STATUS_SQL[st]})`).join(' OR ');
      const sql = `SELECT count(*) FROM (SELECT 1 FROM spans s INDEXED BY spans_rare_status WHERE ${RARE_SPANS} AND (${any}) LIMIT ${fewSpans + 1})`;
      let count = spanCounts.get(sql);
      if (!count) spanCounts.set(sql, (count = db.prepare<[], number>(sql).pluck()));
      if ((count.get() ?? 0) <= fewSpans)
        return (before, floor, limit) => run(filter, before, floor, limit, { kind: 'traces' });
    }
    const match = jsonPrefilterQuery(filter.json);
    return match === null ? null : jsonCandidates(filter, match);
  };

  return {
    page(request): MessagePage {
      const parsed = messagePageRequestSchema.safeParse(request);
      if (!parsed.success) throw new Error(`message filter: ${describeIssues(parsed.error.issues)}`);
      const { filter, limit, cursor } = parsed.data;
      const started = performance.now();
      hidden = hiddenRuns();
      // Indexing is off the recorder's path (migration v8): whatever is not indexed yet is
      // indexed now, so a full-text answer is never missing a stored message. (A read-only
      // connection cannot: its writer indexes.) A prefilter reads ids above the mark directly.
      if (filter.text !== undefined && !db.readonly) fts.catchUp();
      const prefilter = choosePrefilter(filter);
      const indexedUpTo = prefilter === null ? 0 : (indexedUpToAll.get() ?? 0);
      const lo = minId.get() ?? null;
      const hi = maxId.get() ?? null;
      // The id ranges that can hold a match, newest first: all ids, or a time range's marks (v10).
      const ranges: IdRanges =
        lo === null || hi === null
          ? []
          : filter.from !== undefined || filter.to !== undefined
            ? timeRanges(filter.from, filter.to)
            : [[lo, hi]];
      // Windows of ids, newest first, sized to the budget, until the page is full, the ids run out or
      // the time budget is spent: a filter that matches rarely (or a JSON predicate no index serves)
      // still answers in bounded time, with a cursor to scan on from.
      let before = decodeCursor(cursor);
      let r = 0;
      let window = firstWindow;
      let scanned = 0;
      const dbRows: PageDbRow[] = [];
      let nextCursor: string | null = null;
      for (;;) {
        while (r < ranges.length && ranges[r][0] >= before) r++;
        if (r === ranges.length) break;
        before = Math.min(before, ranges[r][1] + 1);
        if (dbRows.length > 0 || scanned > 0) {
          const spent = performance.now() - started;
          if (spent >= budgetMs) {
            nextCursor = String(before);
            break;
          }
          // Next window: what the rest of the budget can scan at the rate seen so far.
          window = Math.max(
            firstWindow,
            Math.floor(((budgetMs - spent) * 0.8 * scanned) / Math.max(spent, 0.01)),
          );
        }
        let floor = Math.max(ranges[r][0], before - window);
        const need = limit - dbRows.length;
        let found: PageDbRow[];
        if (prefilter !== null && before - 1 <= indexedUpTo) {
          // A prefilter reads only candidates, so the whole range costs what one window would.
          floor = ranges[r][0];
          found = prefilter(before, floor, need);
        } else {
          // Ids above the catch-up mark are in no index yet: read directly.
          if (prefilter !== null) floor = Math.max(floor, indexedUpTo + 1);
          found = run(filter, before, floor, need);
        }
        dbRows.push(...found);
        if (dbRows.length === limit) {
          nextCursor = String(dbRows[dbRows.length - 1].id);
          break;
        }
        scanned += before - floor;
        before = floor;
      }
      const rows = dbRows.map((r) => toPageRow(r, statusesOf(r.trace_id)));
      return { rows, nextCursor };
    },
  };
}
