import type Database from 'better-sqlite3';

/**
 * Marks a database as Flowbench's in the SQLite header (`PRAGMA application_id`), so a
 * foreign SQLite file is refused instead of having our tables added to it.
 */
export const FLOWBENCH_APPLICATION_ID = 0x466c6f77; // 'Flow'

/**
 * Schema migrations in order: entry i brings the database to `user_version = i + 1`.
 * Append only; never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // v1: runs, recorded payloads, trace events, settings.
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    flow_name TEXT NOT NULL,
    flow_json TEXT NOT NULL,
    environment TEXT NOT NULL,
    state TEXT NOT NULL,
    error TEXT,
    started_at REAL NOT NULL,
    ended_at REAL,
    -- Kept by insertBatch in the same transaction, so listing runs never counts rows.
    message_count INTEGER NOT NULL DEFAULT 0,
    event_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_started ON runs (started_at, id);

  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    trace_id TEXT NOT NULL,
    span_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    transport TEXT NOT NULL,
    destination TEXT NOT NULL,
    key TEXT,
    partition INTEGER,
    ts REAL NOT NULL,
    headers TEXT NOT NULL,
    payload BLOB NOT NULL,
    size INTEGER NOT NULL
  );
  CREATE INDEX messages_run_id ON messages (run_id, id);
  CREATE INDEX messages_trace ON messages (trace_id);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    trace_id TEXT NOT NULL,
    span_id TEXT NOT NULL,
    parent_span_id TEXT,
    node_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    transport TEXT NOT NULL,
    destination TEXT NOT NULL,
    ts REAL NOT NULL,
    partition INTEGER,
    offset TEXT,
    key TEXT,
    message_id INTEGER,
    duration_ms REAL,
    error TEXT
  );
  CREATE INDEX events_trace_ts ON events (trace_id, ts);
  CREATE INDEX events_run_kind ON events (run_id, kind);
  -- kind included so per-node counts read only the index.
  CREATE INDEX events_run_node ON events (run_id, node_id, kind);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  PRAGMA application_id = ${FLOWBENCH_APPLICATION_ID};
  `,
  // v2: messages are read by id (pages, details, an event's message_id), never by trace id;
  // that index on random ids cost every recorded message an insert and served no query.
  `DROP INDEX IF EXISTS messages_trace;`,
  // v3: an injected fault on an event (JSON: kinds and detail), so the trace can say "injected".
  `ALTER TABLE events ADD COLUMN fault TEXT;`,
  // v4: counts by kind read the (run_id, node_id, kind) index as well; a second index on
  // (run_id, kind) cost every recorded event an insert (the recorder bench: 12 µs a row, not 16).
  `DROP INDEX IF EXISTS events_run_kind;`,
  // v5: a delivery's ack can share its deliver span's row (the settle_* columns), so a message
  // costs three rows, not four. Spans live in `spans`; `events` is a view with one row per
  // span as before (a folded ack: kind 'ack', parent = the deliver span, id + 0.5 so it sorts
  // right after its delivery). settle_ts is in the per-node index so both counts stay index-only.
  `
  ALTER TABLE events RENAME TO spans;
  ALTER TABLE spans ADD COLUMN settle_span_id TEXT;
  ALTER TABLE spans ADD COLUMN settle_ts REAL;
  ALTER TABLE spans ADD COLUMN settle_duration_ms REAL;
  DROP INDEX IF EXISTS events_run_node;
  CREATE INDEX spans_run_node ON spans (run_id, node_id, kind, settle_ts);
  CREATE VIEW events AS
    SELECT id, run_id, trace_id, span_id, parent_span_id, node_id, kind, transport, destination, ts,
           partition, offset, key, message_id, duration_ms, error, fault
    FROM spans
    UNION ALL
    SELECT id + 0.5, run_id, trace_id, settle_span_id, span_id, node_id, 'ack', transport, destination,
           settle_ts, partition, offset, key, message_id, settle_duration_ms, NULL, NULL
    FROM spans WHERE settle_ts IS NOT NULL;
  `,
  // v6: saga instances, durable across app restarts: one row per instance of a saga node of
  // a flow (by flow name and node id), its whole state as JSON, written on every transition.
  `
  CREATE TABLE saga_instances (
    id TEXT PRIMARY KEY,
    flow_name TEXT NOT NULL,
    node_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    status TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
  );
  CREATE INDEX saga_instances_owner ON saga_instances (flow_name, node_id, status, created_at);
  `,
  // v7: full-text search over payloads for the message browser (issue 6). Contentless, so
  // the text is not stored twice; the triggers keep it in step with every insert path
  // (batch and packed) and with deletes. Payloads are bytes: indexed as their text.
  `
  CREATE VIRTUAL TABLE messages_fts USING fts5(body, content = '', contentless_delete = 1);
  INSERT INTO messages_fts (rowid, body) SELECT id, CAST(payload AS TEXT) FROM messages;
  CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, CAST(new.payload AS TEXT));
  END;
  CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.id;
  END;
  `,
  // v8: full-text indexing leaves the recorder's insert transaction (it cost 13-23 us per
  // message there). Rows up to indexed_upto are in messages_fts; the engine indexes the rest
  // in catch-up batches when idle and before any full-text query answers (fts-indexer.ts).
  `
  DROP TRIGGER messages_fts_insert;
  CREATE TABLE messages_fts_progress (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_upto INTEGER NOT NULL
  );
  INSERT INTO messages_fts_progress (id, indexed_upto) SELECT 1, coalesce(max(id), 0) FROM messages;
  `,
  // v9 (replay, issue 6): replays and the links from each replayed message to its original,
  // read both ways ("replay of …" by the replayed message id, "replayed as …" by the original's).
  `
  CREATE TABLE replays (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    run_id TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    pacing TEXT NOT NULL,
    state TEXT NOT NULL,
    total INTEGER NOT NULL,
    sent INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    error TEXT,
    started_at REAL NOT NULL,
    ended_at REAL
  );
  CREATE INDEX replays_started ON replays (started_at);
  CREATE TABLE replay_links (
    replay_message_id INTEGER PRIMARY KEY,
    original_message_id INTEGER,
    replay_id TEXT NOT NULL,
    replay_trace_id TEXT NOT NULL
  );
  CREATE INDEX replay_links_original ON replay_links (original_message_id);
  `,
  // v10 (message browser speed, issue 6): what lets a rare filter fill its first page without
  // scanning every message. (1) Spans that give a message a rare status, in a partial index:
  // an insert of any other span only evaluates its WHERE (comparisons, not IN: an IN list
  // builds a lookup table on every insert, 1.5 us a span). (2) Time marks: per block of ids,
  // the lowest and highest ts, written once per insert transaction (time-marks.ts), so a time
  // range reads only the blocks it overlaps. (3) Payloads a JSON equality cannot be found in by
  // their FTS tokens (a backslash escape or an exponent), noted by the FTS catch-up off the
  // recorder's path, so the FTS index can prefilter JSON equality predicates exactly. (4) Message
  // ids by trace id, also filled by that catch-up (an index on messages cost every insert, v2),
  // so a rare status goes from its few spans to their messages instead of scanning messages.
  // (3) and (4) have their own mark, message_lookups_progress.
  `
  CREATE INDEX spans_rare_status ON spans (trace_id)
    WHERE kind = 'nack' OR kind = 'error' OR kind = 'invalid' OR kind = 'unroutable' OR fault IS NOT NULL;
  CREATE TABLE message_time_marks (
    id INTEGER PRIMARY KEY,
    lo INTEGER NOT NULL,
    hi INTEGER NOT NULL,
    min_ts REAL NOT NULL,
    max_ts REAL NOT NULL
  );
  INSERT INTO message_time_marks (lo, hi, min_ts, max_ts)
    SELECT min(id), max(id), min(ts), max(ts) FROM messages GROUP BY id >> 12 ORDER BY 1;
  CREATE TABLE messages_json_irregular (id INTEGER PRIMARY KEY);
  CREATE TABLE messages_by_trace (
    trace_id TEXT NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (trace_id, id)
  ) WITHOUT ROWID;
  -- How far (3) and (4) are filled: from 0, so this migration stays quick on a big workspace;
  -- the idle catch-up fills them, and ids above the mark are read directly until then.
  CREATE TABLE message_lookups_progress (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_upto INTEGER NOT NULL
  );
  INSERT INTO message_lookups_progress (id, indexed_upto) VALUES (1, 0);
  CREATE TRIGGER messages_v10_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_by_trace WHERE trace_id = old.trace_id AND id = old.id;
    DELETE FROM messages_json_irregular WHERE id = old.id;
  END;
  `,
  // v11 (deleting runs, issue 6): a run being deleted is marked first, in its own commit, then
  // emptied in short transactions; marked runs are hidden at once and their delete is finished
  // at the next open when the app stopped half-way. The partial index finds them without a scan.
  `
  ALTER TABLE runs ADD COLUMN deleting INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX runs_deleting ON runs (id) WHERE deleting = 1;
  `,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Reads `PRAGMA user_version`; throws SQLITE_NOTADB on a file that is not SQLite. */
export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Refuses a database this build cannot handle, without writing to it: one from a newer
 * Flowbench, or a SQLite file some other program made.
 */
export function assertUsable(db: Database.Database, file: string): void {
  const version = readUserVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `${file} was made by a newer Flowbench (schema version ${version}; this build knows up to ${SCHEMA_VERSION}). ` +
        'Update Flowbench to open it; the file was not changed.',
    );
  }
  const appId = db.pragma('application_id', { simple: true }) as number;
  const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").get();
  const foreign = version > 0 ? appId !== FLOWBENCH_APPLICATION_ID : appId !== 0 || hasTables !== undefined;
  if (foreign)
    throw new Error(`${file} is not a Flowbench database (it is a SQLite file made by another program).`);
}

/**
 * Applies every migration above the database's `user_version`, each in its own
 * transaction together with its version bump, so a crash leaves a consistent version.
 * Running it again is a no-op. Throws, touching nothing, on a newer or foreign database.
 */
export function migrate(db: Database.Database, file: string = db.name): void {
  assertUsable(db, file);
  // The version is re-read inside an IMMEDIATE transaction: a second process opening the
  // same workspace waits for the write lock and then finds the work already done.
  const step = db.transaction((): boolean => {
    const version = readUserVersion(db);
    if (version >= SCHEMA_VERSION) return false;
    db.exec(MIGRATIONS[version]);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (step.immediate()) {
    // one migration per iteration
  }
}
