import type Database from 'better-sqlite3';

/**
 * A run's delete in short steps behind a durable mark (migration v11). SQLite has one writer:
 * a run of 100,000+ messages deleted in one transaction held the write lock for seconds, and
 * every other writer (the recorder, settings) waited, past the busy timeout failing. Here the
 * run is first marked in a commit of its own, which hides it at once (history, message browser,
 * reports), then emptied a few thousand rows per transaction. A run half emptied when the app
 * stopped stays marked, so the next open finishes it and it never shows half deleted.
 */
export interface RunDeleteSteps {
  /** Marks a finished run as being deleted; false when it is unknown or running. True again for a marked run. */
  mark(runId: string): boolean;
  /**
   * Deletes up to `maxRows` rows of a marked run in ONE short transaction: spans, then messages
   * with every replay link to or from them, then (last step) its replays and the run row.
   * Returns the rows it deleted: 0 once the run is gone, or when it was never marked.
   */
  step(runId: string, maxRows: number): number;
  /** The span and message rows a run holds (for progress), counted on their run indexes. */
  rowCount(runId: string): number;
  /** Runs marked and not gone yet (a delete cut short by a crash or an exit), oldest first. */
  marked(): string[];
}

/** Rows per step of an inline delete, and the first step of a paced one (about 10 ms of work here). */
export const DELETE_STEP_ROWS = 2000;

export function prepareRunDeleteSteps(db: Database.Database): RunDeleteSteps {
  const runState = db.prepare<[string], { state: string; deleting: number }>(
    'SELECT state, deleting FROM runs WHERE id = ?',
  );
  const setMark = db.prepare<[string]>('UPDATE runs SET deleting = 1 WHERE id = ?');
  const deleteSpans = db.prepare<[string, number]>(
    'DELETE FROM spans WHERE rowid IN (SELECT rowid FROM spans WHERE run_id = ? LIMIT ?)',
  );
  // The next ids of the run in order, on the (run_id, id) index: the step is the id range they span.
  const nextMessages = db.prepare<[string, number], { lo: number | null; hi: number | null }>(
    'SELECT min(id) AS lo, max(id) AS hi FROM (SELECT id FROM messages WHERE run_id = ? ORDER BY id LIMIT ?)',
  );
  type Range = { runId: string; lo: number; hi: number };
  const inRange = 'SELECT id FROM messages WHERE run_id = @runId AND id BETWEEN @lo AND @hi';
  // Links go with either end (a replayed copy, or the original it copied): nothing is left pointing at a deleted message.
  const deleteLinksAsCopy = db.prepare<[Range]>(
    `DELETE FROM replay_links WHERE replay_message_id IN (${inRange})`,
  );
  const deleteLinksAsOriginal = db.prepare<[Range]>(
    `DELETE FROM replay_links WHERE original_message_id IN (${inRange})`,
  );
  const deleteMessages = db.prepare<[Range]>(
    'DELETE FROM messages WHERE run_id = @runId AND id BETWEEN @lo AND @hi',
  );
  const deleteReplays = db.prepare<[string]>('DELETE FROM replays WHERE run_id = ?');
  const deleteRunRow = db.prepare<[string]>('DELETE FROM runs WHERE id = ? AND deleting = 1');
  const rowCount = db
    .prepare<[string, string], number>(
      'SELECT (SELECT count(*) FROM spans WHERE run_id = ?) + (SELECT count(*) FROM messages WHERE run_id = ?)',
    )
    .pluck();
  const marked = db
    .prepare<[], string>('SELECT id FROM runs WHERE deleting = 1 ORDER BY started_at, id')
    .pluck();

  const mark = db.transaction((runId: string): boolean => {
    const run = runState.get(runId);
    if (!run || run.state === 'running') return false;
    if (!run.deleting) setMark.run(runId);
    return true;
  });
  const step = db.transaction((runId: string, maxRows: number): number => {
    if (!runState.get(runId)?.deleting) return 0;
    const spans = deleteSpans.run(runId, maxRows).changes;
    if (spans > 0) return spans;
    const { lo, hi } = nextMessages.get(runId, maxRows) ?? { lo: null, hi: null };
    if (lo !== null && hi !== null) {
      const range = { runId, lo, hi };
      deleteLinksAsCopy.run(range);
      deleteLinksAsOriginal.run(range);
      return deleteMessages.run(range).changes;
    }
    deleteReplays.run(runId);
    deleteRunRow.run(runId);
    return 0;
  });

  return {
    mark: (runId) => mark.immediate(runId),
    step: (runId, maxRows) => step.immediate(runId, maxRows),
    rowCount: (runId) => rowCount.get(runId, runId) ?? 0,
    marked: () => marked.all(),
  };
}
