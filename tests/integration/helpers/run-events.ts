import { join } from 'node:path';
import Database from 'better-sqlite3';

/** One recorded trace event, as the store keeps it. */
export interface EventRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  node_id: string;
  kind: string;
  destination: string;
  key: string | null;
  ts: number;
  duration_ms: number | null;
  error: string | null;
}

/** Every trace event of a run, oldest first, read from the engine's database (read-only). */
export function runEvents(dataDir: string, runId: string): EventRow[] {
  const db = new Database(join(dataDir, 'flowbench.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT trace_id, span_id, parent_span_id, node_id, kind, destination, key, ts, duration_ms, error
         FROM events WHERE run_id = ? ORDER BY ts, id`,
      )
      .all(runId) as EventRow[];
  } finally {
    db.close();
  }
}
