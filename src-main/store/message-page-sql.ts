import type Database from 'better-sqlite3';
import type {
  JsonPredicate,
  MessageFilter,
  MessagePageRow,
  MessageStatus,
} from '@shared/trace/message-filter';

/**
 * The SQL of one message browser page (issue 6): the WHERE conditions of a filter and the
 * statement that walks ids [floor, before) newest first, driven by a scan, the FTS index, the
 * irregular JSON notes or a rare status's traces. Run by message-query.ts and the exporter.
 */

/** SQL that is true when some span of the message's trace shows the status. */
export const STATUS_SQL: Record<MessageStatus, string> = {
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

/** The WHERE of the partial index `spans_rare_status` (v10), written as the index has it. */
export const RARE_SPANS =
  "(kind = 'nack' OR kind = 'error' OR kind = 'invalid' OR kind = 'unroutable' OR fault IS NOT NULL)";

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

/** A page row as the browser shows it, with the statuses of its trace. */
export function toPageRow(r: PageDbRow, statuses: MessageStatus[]): MessagePageRow {
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
}

/** A named bind value for the built statement. */
export type Binds = Record<string, string | number | null>;

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
    // Every status but acked is one of a few rare spans (migration v10's partial index): a
    // message without one costs a probe into that small index, not a read of its spans.
    const from = f.statuses.includes('acked')
      ? 'spans s WHERE'
      : `spans s INDEXED BY spans_rare_status WHERE ${RARE_SPANS} AND`;
    where.push(`EXISTS (SELECT 1 FROM ${from} s.trace_id = m.trace_id AND (${any}))`);
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

/**
 * Which rows a page statement walks, newest first: every message by id, the FTS index's
 * matches of a query (rowid order), the payloads noted as irregular JSON (v10), or the
 * messages of the traces that have a rare status's spans (v10).
 */
export type PageDriver =
  { kind: 'scan' } | { kind: 'fts'; match: string } | { kind: 'irregular' } | { kind: 'traces' };

/** Builds the statement text and its binds for one page request over ids [floorId, beforeId). */
export function buildPageQuery(
  filter: MessageFilter,
  beforeId: number,
  floorId: number,
  limit: number,
  driver: PageDriver = filter.text !== undefined ? { kind: 'fts', match: filter.text } : { kind: 'scan' },
  /** Runs being deleted (see hiddenRunsReader, v11): their messages are gone for the user already. */
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
  if (driver.kind === 'fts') {
    // Driven by the FTS index in rowid order (CROSS JOIN keeps it the outer loop), so a
    // common word still reads only one page.
    binds.text = driver.match;
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
  if (driver.kind === 'traces') {
    // The status's few spans (partial index), their traces' message ids, then those messages.
    const any = (filter.statuses ?? []).map((st) => `(${STATUS_SQL[st]})`).join(' OR ');
    where.unshift(
      `m.id IN (SELECT t.id FROM spans s INDEXED BY spans_rare_status JOIN messages_by_trace t ON t.trace_id = s.trace_id WHERE ${RARE_SPANS} AND (${any}) AND t.id < @beforeId AND t.id >= @floorId)`,
    );
    return {
      sql: `SELECT ${columns} FROM messages m WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT @limit`,
      binds,
    };
  }
  if (driver.kind === 'irregular') {
    where.unshift('j.id < @beforeId', 'j.id >= @floorId');
    return {
      sql: `SELECT ${columns} FROM messages_json_irregular j CROSS JOIN messages m ON m.id = j.id WHERE ${where.join(' AND ')} ORDER BY j.id DESC LIMIT @limit`,
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
