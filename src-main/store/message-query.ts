import type Database from 'better-sqlite3';
import {
  messagePageRequestSchema,
  type JsonPredicate,
  type MessageFilter,
  type MessagePage,
  type MessagePageRow,
  type MessageStatus,
} from '../../src-shared/trace/message-filter';
import { createFtsIndexer } from './fts-indexer';

/**
 * The message browser's query (issue 6): one page of recorded messages, newest first, that
 * match a combined filter. Paging is keyset on `messages.id` (the cursor is the last id
 * shown), so page N costs what page 1 costs: no OFFSET.
 */

/** SQL that is true when some span of the message's trace shows the status. */
const STATUS_SQL: Record<MessageStatus, string> = {
  acked: "(s.kind = 'ack' OR s.settle_ts IS NOT NULL)",
  nacked: "s.kind = 'nack'",
  // Dead-lettering leaves no span of its own: it is a nack followed by a delivery of the
  // same trace from another destination (the dead-letter queue).
  'dead-lettered':
    "s.kind = 'nack' AND EXISTS (SELECT 1 FROM spans d WHERE d.trace_id = s.trace_id AND d.kind = 'deliver' AND d.ts >= s.ts AND d.destination <> s.destination)",
  error: "s.kind IN ('error', 'invalid')",
  unroutable: "s.kind = 'unroutable'",
  'injected-fault': 's.fault IS NOT NULL',
};

/** The columns a browser row reads from `messages` (exports add headers and payload). */
export interface PageDbRow {
  id: number;
  ts: number;
  run_id: string;
  node_id: string;
  transport: string;
  destination: string;
  partition: number | null;
  key: string | null;
  size: number;
  trace_id: string;
}

/** A named bind value for the built statement. */
type Binds = Record<string, string | number | null>;

/** Payload as JSON text, or NULL when it is not JSON (so json_extract never throws on it). */
const PAYLOAD_JSON = 'CASE WHEN json_valid(CAST(m.payload AS TEXT)) THEN CAST(m.payload AS TEXT) END';

function jsonCondition(p: JsonPredicate, i: number, binds: Binds): string {
  binds[`jp${i}`] = p.path;
  if (p.value === null) {
    if (p.op !== '=' && p.op !== '!=')
      throw new Error(`JSON predicate ${p.path} ${p.op} null: null can only be compared with = or !=`);
    const isNull = `json_type(${PAYLOAD_JSON}, @jp${i}) = 'null'`;
    return p.op === '=' ? isNull : `NOT coalesce(${isNull}, 0)`;
  }
  // SQLite's JSON functions give true/false as 1/0.
  binds[`jv${i}`] = typeof p.value === 'boolean' ? Number(p.value) : p.value;
  const op = p.op === '!=' ? '<>' : p.op;
  return `json_extract(${PAYLOAD_JSON}, @jp${i}) ${op} @jv${i}`;
}

/** WHERE conditions and their binds for everything but the full-text part. */
function conditions(f: MessageFilter, binds: Binds): string[] {
  const where: string[] = [];
  const list = (name: string, column: string, values: readonly string[]): void => {
    const names = values.map((v, i) => {
      binds[`${name}${i}`] = v;
      return `@${name}${i}`;
    });
    where.push(`${column} IN (${names.join(', ')})`);
  };
  if (f.runId !== undefined) {
    binds.runId = f.runId;
    where.push('m.run_id = @runId');
  }
  if (f.nodeIds) list('node', 'm.node_id', f.nodeIds);
  if (f.transports) list('transport', 'm.transport', f.transports);
  if (f.destination !== undefined) {
    binds.destination = f.destination;
    where.push('m.destination = @destination');
  }
  if (f.partition !== undefined) {
    binds.partition = f.partition;
    where.push('m.partition = @partition');
  }
  if (f.key !== undefined) {
    binds.key = f.key;
    where.push('m.key = @key');
  }
  if (f.header) {
    binds.headerName = f.header.name;
    binds.headerValue = f.header.value ?? null;
    where.push(
      'EXISTS (SELECT 1 FROM json_each(m.headers) h WHERE h.key = @headerName AND (@headerValue IS NULL OR h.value = @headerValue))',
    );
  }
  if (f.statuses) {
    const any = f.statuses.map((st) => `(${STATUS_SQL[st]})`).join(' OR ');
    where.push(`EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = m.trace_id AND (${any}))`);
  }
  if (f.from !== undefined) {
    binds.from = f.from;
    where.push('m.ts >= @from');
  }
  if (f.to !== undefined) {
    binds.to = f.to;
    where.push('m.ts < @to');
  }
  f.json?.forEach((p, i) => where.push(jsonCondition(p, i, binds)));
  return where;
}

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

/** Builds the statement text and its binds for one page request. */
export function buildPageQuery(
  filter: MessageFilter,
  beforeId: number,
  floorId: number,
  limit: number,
  /** Runs being deleted (see hiddenRunsReader): their messages are gone for the user already. */
  hiddenRunIds: readonly string[] = [],
): { sql: string; binds: Binds } {
  const binds: Binds = { beforeId, floorId, limit };
  const where = conditions(filter, binds);
  if (hiddenRunIds.length > 0) {
    const names = hiddenRunIds.map((id, i) => {
      binds[`hidden${i}`] = id;
      return `@hidden${i}`;
    });
    where.push(`m.run_id NOT IN (${names.join(', ')})`);
  }
  const columns =
    'm.id, m.ts, m.run_id, m.node_id, m.transport, m.destination, m.partition, m.key, m.size, m.trace_id';
  if (filter.text !== undefined) {
    // Driven by the FTS index in rowid order (CROSS JOIN keeps it the outer loop), so a
    // common word still reads only one page.
    binds.text = filter.text;
    where.unshift(
      'messages_fts MATCH @text',
      'messages_fts.rowid < @beforeId',
      'messages_fts.rowid >= @floorId',
    );
    return {
      sql: `SELECT ${columns} FROM messages_fts CROSS JOIN messages m ON m.id = messages_fts.rowid WHERE ${where.join(' AND ')} ORDER BY messages_fts.rowid DESC LIMIT @limit`,
      binds,
    };
  }
  where.unshift('m.id < @beforeId', 'm.id >= @floorId');
  return {
    sql: `SELECT ${columns} FROM messages m WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT @limit`,
    binds,
  };
}

/**
 * Reads the ids of runs being deleted (migration v11; almost always none, so the page
 * statements stay as they are) from the partial index on the mark.
 */
export function hiddenRunsReader(db: Database.Database): () => string[] {
  const st = db.prepare<[], string>('SELECT id FROM runs WHERE deleting = 1').pluck();
  return () => st.all();
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
}

/** Prepares the per-row status lookup; page statements are built per filter shape. */
export function createMessageQuery(db: Database.Database, options: MessageQueryOptions = {}): MessageQuery {
  const firstWindow = options.windowIds ?? 5000;
  const budgetMs = options.budgetMs ?? 30;
  // Apart: SQLite reads min() or max() alone from the ends of the rowid b-tree, but scans
  // the whole table for both in one SELECT.
  const minId = db.prepare<[], number | null>('SELECT min(id) FROM messages').pluck();
  const maxId = db.prepare<[], number | null>('SELECT max(id) FROM messages').pluck();
  const statusesOf = createStatusReader(db);
  const fts = createFtsIndexer(db);
  const hiddenRuns = hiddenRunsReader(db);

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

  const run = (sql: string, binds: Binds, filter: MessageFilter): PageDbRow[] => {
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

  return {
    page(request): MessagePage {
      const parsed = messagePageRequestSchema.safeParse(request);
      if (!parsed.success) throw new Error(`message filter: ${describeIssues(parsed.error.issues)}`);
      const { filter, limit, cursor } = parsed.data;
      const started = performance.now();
      // Indexing is off the recorder's path (migration v8): whatever is not indexed yet is
      // indexed now, so a full-text answer is never missing a stored message. (A read-only
      // connection cannot: its writer indexes.)
      if (filter.text !== undefined && !db.readonly) fts.catchUp();
      const lo = minId.get() ?? null;
      const hi = maxId.get() ?? null;
      // Windows of ids, newest first, sized to the budget, until the page is full, the ids run out or
      // the time budget is spent: a filter that matches rarely (or a JSON predicate, which no
      // index serves) still answers in bounded time, with a cursor to scan on from.
      let before = Math.min(decodeCursor(cursor), (hi ?? 0) + 1);
      const floorOfAll = lo ?? 0;
      let window = firstWindow;
      let scanned = 0;
      const dbRows: PageDbRow[] = [];
      let nextCursor: string | null = null;
      const hidden = hiddenRuns();
      while (before > floorOfAll) {
        const floor = Math.max(floorOfAll, before - window);
        const { sql, binds } = buildPageQuery(filter, before, floor, limit - dbRows.length, hidden);
        dbRows.push(...run(sql, binds, filter));
        if (dbRows.length === limit) {
          nextCursor = String(dbRows[dbRows.length - 1].id);
          break;
        }
        scanned += before - floor;
        before = floor;
        const spent = performance.now() - started;
        if (before > floorOfAll && spent >= budgetMs) {
          nextCursor = String(before);
          break;
        }
        // Next window: what the rest of the budget can scan at the rate seen so far.
        window = Math.max(
          firstWindow,
          Math.floor(((budgetMs - spent) * 0.8 * scanned) / Math.max(spent, 0.01)),
        );
      }
      const rows: MessagePageRow[] = dbRows.map((r) => {
        const statuses = statusesOf(r.trace_id);
        return {
          id: r.id,
          ts: r.ts,
          runId: r.run_id,
          nodeId: r.node_id,
          transport: r.transport,
          destination: r.destination,
          partition: r.partition,
          key: r.key,
          size: r.size,
          traceId: r.trace_id,
          statuses,
        };
      });
      return { rows, nextCursor };
    },
  };
}
