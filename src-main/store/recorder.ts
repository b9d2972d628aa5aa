import type { RecordedMessageInput, TraceEvent } from '@shared/trace/events';
import type { CommitReport, FlushInfo } from './batch-committer';
import { RowPacker } from './packed-rows';
import { InlineRowWriter, type RowWriter } from './row-writer';
import { toError } from './sqlite-errors';
import type { Store } from './store';
import { WorkerRowWriter, type WriterThreadOptions } from './worker-row-writer';

export type { FlushInfo } from './batch-committer';

/** Recorder tuning and callbacks. */
export interface RecorderOptions {
  /**
   * Longest time a row waits in memory before it is written. Default 50 ms. With a writer
   * thread, add the time the thread takes to finish the transaction it is in.
   */
  flushIntervalMs?: number;
  /** Queue size (messages + events) that triggers a flush on the next turn. Default 5000. */
  maxBatch?: number;
  /**
   * Most rows of each kind kept for retry while the store fails, and most rows waiting
   * for the writer thread before recording waits for it. Default 20 × maxBatch.
   */
  maxQueued?: number;
  onFlushed?: (info: FlushInfo) => void;
  /** Store failures and lost rows. Defaults to console.error so nothing is lost silently. */
  onError?: (err: Error) => void;
  /**
   * Write on a worker thread with its own connection to this database (the store's own
   * file and native binding), so inserts never block the recording thread. Without it,
   * rows are written through `store` on the calling thread.
   */
  writerThread?: WriterThreadOptions;
}

/**
 * The hot path from the engine to the store. Calls only pack rows in memory; rows are
 * flushed every `flushIntervalMs`, or on the next turn once `maxBatch` rows wait, and
 * reach SQLite in one transaction per flush, never one insert per event. With a writer
 * thread, the inserts run there and several flushes may share a transaction. One
 * Recorder per store: message ids come from its own counter, seeded from the store.
 */
export class Recorder {
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly onFlushed?: (info: FlushInfo) => void;
  private readonly onError: (err: Error) => void;
  private readonly writer: RowWriter;
  private nextId: number;
  private rows = new RowPacker();
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private closed = false;
  /** Rows the writer keeps after a transient failure: retries wait for the timer, not every turn. */
  private retained = 0;

  constructor(store: Store, options: RecorderOptions = {}) {
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxBatch = options.maxBatch ?? 5000;
    const maxQueued = options.maxQueued ?? this.maxBatch * 20;
    this.onFlushed = options.onFlushed;
    this.onError = options.onError ?? ((err): void => console.error('[flowbench recorder]', err));
    this.nextId = store.maxMessageId();
    this.writer = this.createWriter(store, maxQueued, options.writerThread);
  }

  /**
   * Queues a payload and returns its id at once; the row is stored by a later flush.
   * The payload bytes are copied: the caller may reuse them.
   */
  recordMessage(input: RecordedMessageInput): number {
    this.assertOpen();
    const id = ++this.nextId;
    this.rows.addMessage(id, input);
    this.scheduleFlush();
    return id;
  }

  /** Queues a trace event; it is stored by a later flush. */
  recordEvent(event: TraceEvent): void {
    this.assertOpen();
    this.rows.addEvent(event);
    this.scheduleFlush();
  }

  /**
   * Writes everything queued now and returns once it is in SQLite (blocking this thread
   * while the writer thread finishes). Failures go to onError, never thrown.
   */
  flush(): void {
    this.send();
    this.writer.settle();
  }

  /** Like `flush`, without blocking: resolves once everything queued before the call is in SQLite. */
  flushAsync(): Promise<void> {
    this.send();
    return this.writer.settleAsync();
  }

  /**
   * Flushes, stops the timer and refuses further rows; rows a final failure left behind are
   * reported lost. The store stays open: its owner closes it after the recorder.
   */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.clearSchedule();
    this.writer.close();
  }

  private createWriter(store: Store, maxQueued: number, thread?: WriterThreadOptions): RowWriter {
    const onReport = (report: CommitReport): void => this.reported(report);
    if (!thread) return new InlineRowWriter(store, maxQueued, onReport);
    try {
      return new WorkerRowWriter(store, thread, { maxQueued }, onReport);
    } catch (err) {
      this.onError(new Error(`The recorder's writer thread did not start (${toError(err).message}).`));
      return new InlineRowWriter(store, maxQueued, onReport);
    }
  }

  /** Hands the packed rows to the writer (an empty batch retries rows it kept). */
  private send(): void {
    this.clearSchedule();
    if (this.rows.size === 0 && this.retained === 0) return;
    this.writer.write(this.rows.take());
  }

  private reported(report: CommitReport): void {
    this.retained = report.retained;
    for (const err of report.errors) this.onError(err);
    if (report.written && this.onFlushed) {
      try {
        this.onFlushed(report.written);
      } catch (err) {
        this.onError(toError(err));
      }
    }
    // Retry on the interval, not every turn, so a locked or full database is not hammered.
    if (this.retained > 0 && !this.closed) this.armTimer();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Recorder is closed: the run that owned it has ended.');
  }

  private scheduleFlush(): void {
    if (this.rows.size >= this.maxBatch && this.retained === 0) {
      // Not synchronous: the caller is a broker callback and should return at once.
      this.immediate ??= setImmediate(() => {
        this.immediate = undefined;
        this.send();
      });
    } else {
      // A one-shot timer armed by the first queued row: no wake-ups while idle.
      this.armTimer();
    }
  }

  private clearSchedule(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  private armTimer(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, this.flushIntervalMs);
    // Recording must never keep the process alive on its own.
    this.timer.unref();
  }
}
