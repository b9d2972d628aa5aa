import type Database from 'better-sqlite3';
import { createBatchInsert, createPackedInsert } from './batch-insert';
import { toMessageDetail, toMessageRow, toRunSummary, toTraceEvent } from './rows';
import { prepareReplayTable } from './replay-table';
import { prepareRunArchive } from './run-archive';
import { prepareSagaTable } from './saga-table';
import { prepareStatements } from './statements';
import type { Store } from './store';

/**
 * Builds the `Store` over an opened, migrated database. It owns the connection from now
 * on: `close()` checkpoints and closes it.
 */
export function createStore(db: Database.Database): Store {
  const s = prepareStatements(db);

  const insertBatch = createBatchInsert(db, s);
  const insertPacked = createPackedInsert(db, s);

  return {
    createRun(r): void {
      s.insertRun.run(r);
    },
    finishRun(id, state, endedAt, error): void {
      s.finishRun.run(state, endedAt, error ?? null, id);
    },
    listRuns(limit) {
      return s.listRuns.all(limit).map(toRunSummary);
    },
    getRun(id) {
      const row = s.getRun.get(id);
      return row ? toRunSummary(row) : null;
    },
    getRunFlow(id) {
      return s.getRunFlow.get(id) ?? null;
    },
    listMessages(runId, beforeId, limit) {
      const rows = s.listMessages.all(runId, beforeId ?? Number.MAX_SAFE_INTEGER, limit).map(toMessageRow);
      return { rows, total: s.countMessages.get({ runId }) ?? 0 };
    },
    getMessage(id) {
      const row = s.getMessage.get(id);
      if (!row) return null;
      return toMessageDetail(row, s.traceEvents.all(row.trace_id).map(toTraceEvent));
    },
    traceEvents(traceId) {
      return s.traceEvents.all(traceId).map(toTraceEvent);
    },
    countEvents(runId) {
      const counts: Record<string, number> = {};
      for (const { kind, n } of s.countEventsByKind.all({ runId })) counts[kind] = n;
      return counts;
    },
    countEventsByNode(runId) {
      const counts: Record<string, Record<string, number>> = {};
      for (const { node_id, kind, n } of s.countEventsByNode.all({ runId })) {
        (counts[node_id] ??= {})[kind] = n;
      }
      return counts;
    },
    getSetting(key) {
      return s.getSetting.get(key) ?? null;
    },
    setSetting(key, value): void {
      s.setSetting.run(key, value);
    },
    insertBatch(messages, events): void {
      if (messages.length === 0 && events.length === 0) return;
      insertBatch(messages, events);
    },
    insertPacked(batches) {
      return insertPacked(batches);
    },
    sagas: prepareSagaTable(db),
    replays: prepareReplayTable(db),
    runs: prepareRunArchive(db),
    maxMessageId() {
      return s.maxMessageId.get() ?? 0;
    },
    close(): void {
      if (!db.open) return;
      // TRUNCATE folds the WAL into the main file, so the workspace is one file at rest.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
