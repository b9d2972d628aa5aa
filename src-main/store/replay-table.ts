import type Database from 'better-sqlite3';
import type { LinkedMessage, ReplayLinks, ReplayRecord, ReplayState } from '@shared/api/replay-requests';
import type { MessageFilter } from '@shared/trace/message-filter';

/** A recorded message as a replay reads it: everything needed to send it again. */
export interface StoredMessage {
  id: number;
  runId: string;
  traceId: string;
  nodeId: string;
  transport: string;
  destination: string;
  key: string | null;
  partition: number | null;
  ts: number;
  headers: Record<string, string>;
  payload: Buffer;
}

/** One replayed message and the message it is a copy of (null: unknown, e.g. sent by another client). */
export interface ReplayLinkRow {
  replayId: string;
  replayMessageId: number;
  replayTraceId: string;
  originalMessageId: number | null;
}

/** The named replay statements of the store (tables `replays`, `replay_links`). */
export interface ReplayTable {
  /** Inserts a replay in state `running`. */
  create(r: ReplayRecord): void;
  /** Writes the counts (and, once ended, the state, error and end time). */
  update(r: ReplayRecord): void;
  get(id: string): ReplayRecord | null;
  /** Newest first. */
  list(limit: number): ReplayRecord[];
  /** Inserts links in ONE transaction. */
  link(rows: ReplayLinkRow[]): void;
  links(messageId: number): ReplayLinks;
  /** Messages by id, in the order of `ids`; unknown ids are left out. */
  messages(ids: readonly number[]): StoredMessage[];
  /** Up to `limit` messages of a run with id > `afterId`, oldest first. */
  runMessages(runId: string, afterId: number, limit: number): StoredMessage[];
  /** How many messages a run recorded. */
  countRunMessages(runId: string): number;
  /** Ids of every message matching a browser filter, oldest first. */
  filterIds(filter: MessageFilter): Promise<number[]>;
  /** The first recorded message of a trace (the one a dead-lettered delivery was), if any. */
  firstMessageOfTrace(traceId: string): number | null;
}

interface ReplayDbRow {
  id: string;
  kind: string;
  run_id: string;
  source: string;
  target: string;
  pacing: string;
  state: string;
  total: number;
  sent: number;
  failed: number;
  error: string | null;
  started_at: number;
  ended_at: number | null;
}

interface MessageDbRow {
  id: number;
  run_id: string;
  trace_id: string;
  node_id: string;
  transport: string;
  destination: string;
  key: string | null;
  partition: number | null;
  ts: number;
  headers: string;
  payload: Buffer;
}

interface LinkDbRow {
  message_id: number;
  trace_id: string;
  replay_id: string;
  ts: number;
  destination: string;
}

const toRecord = (r: ReplayDbRow): ReplayRecord => ({
  id: r.id,
  kind: r.kind === 'redrive' ? 'redrive' : 'replay',
  runId: r.run_id,
  source: r.source,
  target: r.target,
  pacing: r.pacing,
  state: r.state as ReplayState,
  total: r.total,
  sent: r.sent,
  failed: r.failed,
  error: r.error,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

function parseHeaders(text: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const toStored = (r: MessageDbRow): StoredMessage => ({
  id: r.id,
  runId: r.run_id,
  traceId: r.trace_id,
  nodeId: r.node_id,
  transport: r.transport,
  destination: r.destination,
  key: r.key,
  partition: r.partition,
  ts: r.ts,
  headers: parseHeaders(r.headers),
  payload: r.payload,
});

const toLinked = (r: LinkDbRow): LinkedMessage => ({
  messageId: r.message_id,
  traceId: r.trace_id,
  replayId: r.replay_id,
  ts: r.ts,
  destination: r.destination,
});

const COLUMNS = 'id, run_id, trace_id, node_id, transport, destination, key, partition, ts, headers, payload';
const IDS_PER_SELECT = 500;
const FILTER_PAGE = 1000;

/** Prepares the replay statements once over an opened, migrated database. */
export function prepareReplayTable(db: Database.Database): ReplayTable {
  const insert = db.prepare(
    `INSERT INTO replays (id, kind, run_id, source, target, pacing, state, total, sent, failed, error, started_at, ended_at)
     VALUES (@id, @kind, @runId, @source, @target, @pacing, @state, @total, @sent, @failed, @error, @startedAt, @endedAt)`,
  );
  const update = db.prepare(
    `UPDATE replays SET state = @state, total = @total, sent = @sent, failed = @failed, error = @error,
       ended_at = @endedAt WHERE id = @id`,
  );
  const get = db.prepare<[string], ReplayDbRow>('SELECT * FROM replays WHERE id = ?');
  const list = db.prepare<[number], ReplayDbRow>('SELECT * FROM replays ORDER BY started_at DESC LIMIT ?');
  const insertLink = db.prepare<[number, number | null, string, string]>(
    'INSERT OR REPLACE INTO replay_links (replay_message_id, original_message_id, replay_id, replay_trace_id) VALUES (?, ?, ?, ?)',
  );
  const linkMany = db.transaction((rows: ReplayLinkRow[]) => {
    for (const r of rows) insertLink.run(r.replayMessageId, r.originalMessageId, r.replayId, r.replayTraceId);
  });
  // The far end's message row may still be on its way to the store: fall back to the link's own fields.
  const replayOf = db.prepare<[number], LinkDbRow>(
    `SELECT l.original_message_id AS message_id, m.trace_id, l.replay_id, m.ts, m.destination
     FROM replay_links l JOIN messages m ON m.id = l.original_message_id WHERE l.replay_message_id = ?`,
  );
  const replayedAs = db.prepare<[number], LinkDbRow>(
    `SELECT l.replay_message_id AS message_id, l.replay_trace_id AS trace_id, l.replay_id,
       coalesce(m.ts, r.started_at) AS ts, coalesce(m.destination, r.target) AS destination
     FROM replay_links l JOIN replays r ON r.id = l.replay_id LEFT JOIN messages m ON m.id = l.replay_message_id
     WHERE l.original_message_id = ? ORDER BY l.replay_message_id`,
  );
  const byIds = new Map<number, Database.Statement<number[], MessageDbRow>>();
  const selectIds = (n: number): Database.Statement<number[], MessageDbRow> => {
    let st = byIds.get(n);
    if (!st) {
      st = db.prepare<number[], MessageDbRow>(
        `SELECT ${COLUMNS} FROM messages WHERE id IN (${new Array(n).fill('?').join(', ')})`,
      );
      byIds.set(n, st);
    }
    return st;
  };
  const runMessages = db.prepare<[string, number, number], MessageDbRow>(
    `SELECT ${COLUMNS} FROM messages WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  const countRun = db.prepare<[string], number>('SELECT count(*) FROM messages WHERE run_id = ?').pluck();
  const firstOfTrace = db
    .prepare<[string], number>(
      'SELECT message_id FROM spans WHERE trace_id = ? AND message_id IS NOT NULL ORDER BY ts, id LIMIT 1',
    )
    .pluck();

  return {
    create(r) {
      insert.run(r);
    },
    update(r) {
      update.run(r);
    },
    get(id) {
      const row = get.get(id);
      return row ? toRecord(row) : null;
    },
    list(limit) {
      return list.all(limit).map(toRecord);
    },
    link(rows) {
      if (rows.length > 0) linkMany(rows);
    },
    links(messageId) {
      const of = replayOf.get(messageId);
      return { replayOf: of ? toLinked(of) : null, replayedAs: replayedAs.all(messageId).map(toLinked) };
    },
    messages(ids) {
      const found = new Map<number, StoredMessage>();
      for (let i = 0; i < ids.length; i += IDS_PER_SELECT) {
        const chunk = ids.slice(i, i + IDS_PER_SELECT);
        for (const r of selectIds(chunk.length).all(...chunk)) found.set(r.id, toStored(r));
      }
      const out: StoredMessage[] = [];
      for (const id of ids) {
        const m = found.get(id);
        if (m) out.push(m);
      }
      return out;
    },
    runMessages(runId, afterId, limit) {
      return runMessages.all(runId, afterId, limit).map(toStored);
    },
    countRunMessages(runId) {
      return countRun.get(runId) ?? 0;
    },
    async filterIds(filter) {
      // Loaded on demand: the recorder's worker thread opens this store without path aliases.
      const { createMessageQuery } = await import('./message-query');
      const query = createMessageQuery(db);
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = query.page({ filter, limit: FILTER_PAGE, cursor });
        for (const r of page.rows) ids.push(r.id);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return ids.reverse();
    },
    firstMessageOfTrace(traceId) {
      return firstOfTrace.get(traceId) ?? null;
    },
  };
}
