import { BatchCommitter, type CommitReport } from './batch-committer';
import type { PackedRows } from './packed-rows';
import type { Store } from './store';

/** Receives the outcome of every write, in order. */
export type ReportSink = (report: CommitReport) => void;

/**
 * Where the Recorder sends its batches. Each write is one transaction (or part of one);
 * outcomes reach the `ReportSink` the writer was made with, never as exceptions.
 */
export interface RowWriter {
  /** Writes these rows after anything written before; empty rows retry rows kept after a failure. */
  write(rows: PackedRows): void;
  /** Returns once every row written so far is in SQLite or its failure has been reported. */
  settle(): void;
  /** Like `settle`, without blocking the calling thread. */
  settleAsync(): Promise<void>;
  /** Settles, reports rows still kept after a failure as lost, and releases the writer. */
  close(): void;
}

/** Writes on the calling thread through the store: each write is done when `write` returns. */
export class InlineRowWriter implements RowWriter {
  private readonly committer: BatchCommitter;

  constructor(
    store: Store,
    maxQueued: number,
    private readonly onReport: ReportSink,
  ) {
    this.committer = new BatchCommitter(store, maxQueued);
  }

  write(rows: PackedRows): void {
    this.onReport(this.committer.commit([rows]));
  }

  settle(): void {
    // Every write already finished inside write().
  }

  settleAsync(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {
    this.onReport(this.committer.abandon('the recorder closed'));
  }
}
