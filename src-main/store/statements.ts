import type Database from 'better-sqlite3';
import type { EventDbRow, MessageDbRow, MessageListDbRow, RunDbRow } from './rows';
import type { NewRun } from './store';

type Db = Database.Database;
type Stmt<P extends unknown[], R = unknown> = Database.Statement<P, R>;

/** Bind values for one `messages` row, in column order. */
export type MessageParams = [
  id: number,
  runId: string,
  traceId: string,
  spanId: string,
  nodeId: string,
  transport: string,
  destination: string,
  key: string | null,
  partition: number | null,
  ts: number,
  headers: string,
  payload: Buffer,
  size: number,
];

/** Bind values for one `events` row, in column order. */
export type EventParams = [
  runId: string,
  traceId: string,
  spanId: string,
  parentSpanId: string | null,
  nodeId: string,
  kind: string,
  transport: string,
  destination: string,
  ts: number,
  partition: number | null,
  offset: string | null,
  key: string | null,
  messageId: number | null,
  durationMs: number | null,
  error: string | null,
  fault: string | null,
  settleSpanId: string | null,
  settleTs: number | null,
  settleDurationMs: number | null,
];

const RUN_COLUMNS = 'id, flow_name, environment, state, started_at, ended_at, message_count, event_count';

const MESSAGE_LIST_COLUMNS =
  'id, run_id, trace_id, node_id, transport, destination, key, partition, ts, size';

/** Every statement the store runs, prepared once per connection. */
export interface Statements {
  insertRun: Stmt<[NewRun]>;
  finishRun: Stmt<[state: string, endedAt: number, error: string | null, id: string]>;
  addRunCounts: Stmt<[messages: number, events: number, id: string]>;
  listRuns: Stmt<[limit: number], RunDbRow>;
  getRun: Stmt<[id: string], RunDbRow>;
  getRunFlow: Stmt<[id: string], string>;
  countMessages: Stmt<[{ runId: string }], number>;
  listMessages: Stmt<[runId: string, beforeId: number, limit: number], MessageListDbRow>;
  getMessage: Stmt<[id: number], MessageDbRow>;
  traceEvents: Stmt<[traceId: string], EventDbRow>;
  countEventsByKind: Stmt<[{ runId: string }], { kind: string; n: number }>;
  countEventsByNode: Stmt<[{ runId: string }], { node_id: string; kind: string; n: number }>;
  getSetting: Stmt<[key: string], string>;
  setSetting: Stmt<[key: string, value: string]>;
  insertMessage: Stmt<MessageParams>;
  insertEvent: Stmt<EventParams>;
  maxMessageId: Stmt<[], number>;
}

/** Prepares the store's named statements on an opened, migrated database. */
export function prepareStatements(db: Db): Statements {
  return {
    // Counts start from rows already recorded under this id, should any precede the run row.
    insertRun: db.prepare(
      `INSERT INTO runs (id, flow_name, flow_json, environment, state, started_at, message_count, event_count)
       VALUES (@id, @flowName, @flowJson, @environment, 'running', @startedAt,
         (SELECT count(*) FROM messages WHERE run_id = @id), (SELECT count(*) FROM events WHERE run_id = @id))`,
    ),
    finishRun: db.prepare('UPDATE runs SET state = ?, ended_at = ?, error = ? WHERE id = ?'),
    addRunCounts: db.prepare(
      'UPDATE runs SET message_count = message_count + ?, event_count = event_count + ? WHERE id = ?',
    ),
    // A run being deleted (migration v11) is gone for the user from the moment it is marked.
    listRuns: db.prepare(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE deleting = 0 ORDER BY started_at DESC, id DESC LIMIT ?`,
    ),
    getRun: db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ? AND deleting = 0`),
    getRunFlow: db.prepare<[string], string>('SELECT flow_json FROM runs WHERE id = ?').pluck(),
    // The run's kept count; rows of a run never created are counted on the index instead.
    countMessages: db
      .prepare<[{ runId: string }], number>(
        `SELECT coalesce((SELECT message_count * (1 - deleting) FROM runs WHERE id = @runId),
                         (SELECT count(*) FROM messages WHERE run_id = @runId))`,
      )
      .pluck(),
    // Keyset paging on the (run_id, id) index: a seek, then `limit` rows, at any depth.
    listMessages: db.prepare(
      `SELECT ${MESSAGE_LIST_COLUMNS} FROM messages
       WHERE run_id = ? AND id < ?
         AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = messages.run_id AND r.deleting = 1)
       ORDER BY id DESC LIMIT ?`,
    ),
    getMessage: db.prepare(`SELECT ${MESSAGE_LIST_COLUMNS}, headers, payload FROM messages WHERE id = ?`),
    // The (trace_id, ts) index already orders ties by rowid, so no sort step is needed.
    traceEvents: db.prepare('SELECT * FROM events WHERE trace_id = ? ORDER BY ts, id'),
    // Counted on `spans`, not the `events` view, so both arms read only the spans_run_node
    // index: a row's own kind, plus an 'ack' for each row that holds its delivery's ack.
    countEventsByKind: db.prepare(
      `SELECT kind, sum(n) AS n FROM (
         SELECT kind, count(*) AS n FROM spans WHERE run_id = @runId GROUP BY kind
         UNION ALL
         SELECT 'ack', count(*) FROM spans WHERE run_id = @runId AND settle_ts IS NOT NULL
       ) GROUP BY kind HAVING sum(n) > 0`,
    ),
    countEventsByNode: db.prepare(
      `SELECT node_id, kind, sum(n) AS n FROM (
         SELECT node_id, kind, count(*) AS n FROM spans WHERE run_id = @runId GROUP BY node_id, kind
         UNION ALL
         SELECT node_id, 'ack', count(*) FROM spans WHERE run_id = @runId AND settle_ts IS NOT NULL GROUP BY node_id
       ) GROUP BY node_id, kind HAVING sum(n) > 0`,
    ),
    getSetting: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    setSetting: db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (id, run_id, trace_id, span_id, node_id, transport, destination, key, partition,
         ts, headers, payload, size)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO spans (run_id, trace_id, span_id, parent_span_id, node_id, kind, transport, destination,
         ts, partition, offset, key, message_id, duration_ms, error, fault, settle_span_id, settle_ts,
         settle_duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    maxMessageId: db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM messages').pluck(),
  };
}
