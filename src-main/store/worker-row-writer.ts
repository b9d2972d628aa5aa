import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { PackedRows } from './packed-rows';
import {
  DONE,
  fromWireError,
  RUNNING,
  STATE,
  type FromRecorderWorker,
  type RecorderWorkerData,
  type ToRecorderWorker,
} from './recorder-worker-protocol';
import { startRecorderWorker } from './recorder-worker-script';
import { InlineRowWriter, type ReportSink, type RowWriter } from './row-writer';
import type { Store } from './store';

/** Where the writer thread connects: the store's own file and native binding. */
export interface WriterThreadOptions {
  file: string;
  nativeBinding?: string;
}

/** Writer tuning, from the Recorder's options. */
export interface WorkerWriterLimits {
  /** Rows waiting for the worker past which `write` blocks until it catches up. */
  maxQueued: number;
}

/** How long a blocking wait sleeps between checks that the writer still makes progress. */
const WAIT_SLICE_MS = 1_000;
/** No answer for this long (SQLite's busy timeout is 5 s) means the writer is gone. */
const STALL_MS = 30_000;

/**
 * Writes on a worker thread that owns its own connection to the database, so inserts
 * cost the recording thread only the post. Every write is kept until the worker answers
 * for it: if the worker cannot open the database or dies, the unanswered writes (and all
 * later ones) go through `store` on this thread instead, and onReport hears why. Rows
 * waiting for the worker are bounded by `maxQueued`: past it, `write` blocks until the
 * worker catches up, which slows recording down rather than growing without limit.
 */
export class WorkerRowWriter implements RowWriter {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly control: Int32Array;
  private seq = 0;
  private answered = 0;
  /** Kept for a possible rewrite: packed rows are byte arrays the garbage collector never walks. */
  private readonly unanswered: Array<{ seq: number; rows: PackedRows; size: number }> = [];
  private unansweredRows = 0;
  private waiters: Array<{ seq: number; resolve: () => void }> = [];
  private watchdog: NodeJS.Timeout | undefined;
  private fallback: InlineRowWriter | undefined;
  private closed = false;
  private readonly maxQueued: number;

  constructor(
    private readonly store: Store,
    thread: WriterThreadOptions,
    limits: WorkerWriterLimits,
    private readonly onReport: ReportSink,
  ) {
    this.maxQueued = limits.maxQueued;
    const channel = new MessageChannel();
    const control = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    this.control = new Int32Array(control);
    this.port = channel.port1;
    const workerData: RecorderWorkerData = { ...thread, ...limits, port: channel.port2, control };
    this.worker = startRecorderWorker({ workerData, transferList: [channel.port2] });
    this.worker.on('error', (err) => this.gone(err));
    this.worker.on('exit', (code) => this.gone(new Error(`it exited with code ${code}`)));
    this.port.on('message', (message: FromRecorderWorker) => this.receive(message));
    // Like the flush timer, the writer must never keep the process alive on its own;
    // the port is referenced only while someone awaits an answer.
    this.worker.unref();
    this.port.unref();
  }

  write(rows: PackedRows): void {
    if (this.fallback) return this.fallback.write(rows);
    const seq = ++this.seq;
    const size = rows.messageCount + rows.eventCount;
    this.unanswered.push({ seq, rows, size });
    this.unansweredRows += size;
    // Cloned, not transferred: the rows stay here until the worker answers for them.
    this.port.postMessage({ type: 'write', seq, rows } satisfies ToRecorderWorker);
    if (this.unansweredRows > this.maxQueued) {
      this.waitFor(this.seqBringingBacklogTo(this.maxQueued));
    }
  }

  settle(): void {
    if (this.fallback) return this.fallback.settle();
    this.waitFor(this.seq);
  }

  settleAsync(): Promise<void> {
    if (this.fallback || this.answered >= this.seq) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ seq: this.seq, resolve });
      this.port.ref();
      this.watchdog ??= this.startWatchdog();
    });
  }

  close(): void {
    if (this.closed) return;
    if (!this.fallback) {
      this.port.postMessage({ type: 'close', seq: ++this.seq } satisfies ToRecorderWorker);
      this.waitFor(this.seq);
    }
    this.closed = true;
    this.fallback?.close();
    this.port.close();
    void this.worker.terminate();
  }

  /** Blocks until the answer for `seq` is in (or the worker is gone), then handles every answer. */
  private waitFor(seq: number): void {
    let done = Atomics.load(this.control, DONE);
    let progressAt = Date.now();
    while (done < seq && Atomics.load(this.control, STATE) === RUNNING) {
      Atomics.wait(this.control, DONE, done, WAIT_SLICE_MS);
      const now = Atomics.load(this.control, DONE);
      if (now !== done) progressAt = Date.now();
      else if (Date.now() - progressAt > STALL_MS) break;
      done = now;
    }
    this.receiveAll();
    if (!this.fallback && this.answered < seq) this.fail(new Error(`no answer for ${STALL_MS / 1000} s`));
  }

  /** Handles every answer already on the port, without waiting for the event loop. */
  private receiveAll(): void {
    if (this.closed) return;
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      this.receive(m.message as FromRecorderWorker);
    }
  }

  private receive(message: FromRecorderWorker): void {
    if (message.fatal) return this.fail(fromWireError(message.errors[0] ?? { message: 'unknown error' }));
    this.answered = Math.max(this.answered, message.seq);
    while (this.unanswered.length > 0 && this.unanswered[0].seq <= message.seq) {
      this.unansweredRows -= this.unanswered[0].size;
      this.unanswered.shift();
    }
    this.onReport({
      written: message.written,
      errors: message.errors.map(fromWireError),
      retained: message.retained,
    });
    this.wake();
  }

  /** The worker stopped: answers still on its port come first, as one may name the real cause. */
  private gone(cause: Error): void {
    this.receiveAll();
    this.fail(cause);
  }

  /** Moves recording to this thread for good, rewriting every write the worker did not answer. */
  private fail(cause: Error): void {
    if (this.fallback || this.closed) return;
    this.onReport({
      errors: [new Error(`The recorder's writer thread failed (${cause.message}); writing on this thread.`)],
      retained: 0,
    });
    this.fallback = new InlineRowWriter(this.store, this.maxQueued, this.onReport);
    const pending = this.unanswered.splice(0);
    this.unansweredRows = 0;
    for (const { rows } of pending) this.fallback.write(rows);
    this.answered = this.seq;
    this.wake();
    void this.worker.terminate();
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.seq <= this.answered);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.answered);
    if (this.waiters.length === 0) {
      this.port.unref();
      clearInterval(this.watchdog);
      this.watchdog = undefined;
    }
    for (const w of ready) w.resolve();
  }

  /** While someone awaits, a worker that stops answering is treated like one that failed. */
  private startWatchdog(): NodeJS.Timeout {
    let answered = this.answered;
    let progressAt = Date.now();
    return setInterval(() => {
      if (this.answered !== answered) {
        answered = this.answered;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > STALL_MS) {
        this.fail(new Error(`no answer for ${STALL_MS / 1000} s`));
      }
    }, WAIT_SLICE_MS);
  }

  /** The oldest seq whose answer leaves at most `rows` rows unanswered. */
  private seqBringingBacklogTo(rows: number): number {
    let left = this.unansweredRows;
    for (const w of this.unanswered) {
      if (left <= rows) return w.seq - 1;
      left -= w.size;
    }
    return this.seq;
  }
}
