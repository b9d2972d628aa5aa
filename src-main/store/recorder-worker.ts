import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { BatchCommitter, type CommitReport } from './batch-committer';
import { openStore } from './open-store';
import type { PackedRows } from './packed-rows';
import {
  DONE,
  STATE,
  STOPPED,
  toWireError,
  type FromRecorderWorker,
  type RecorderWorkerData,
  type ToRecorderWorker,
} from './recorder-worker-protocol';
import type { Store } from './store';

/*
 * The recorder's writer thread: its own connection to the workspace database, so the
 * inserts (and the WAL writes and checkpoints they cause) never block the thread that
 * talks to the brokers. Requests are answered in order, each answer posted before DONE
 * moves, so a recording thread woken by DONE finds the answer already on its port.
 */

/** Writes are merged into one transaction up to this many rows: fewer commits, fewer page writes. */
const MAX_MERGED_ROWS = 50_000;

const data = workerData as RecorderWorkerData;
const port = data.port;
const control = new Int32Array(data.control);

function answer(message: FromRecorderWorker): void {
  port.postMessage(message);
  Atomics.store(control, DONE, message.seq);
  Atomics.notify(control, DONE);
}

function toAnswer(seq: number, report: CommitReport): FromRecorderWorker {
  return { seq, written: report.written, errors: report.errors.map(toWireError), retained: report.retained };
}

/**
 * Gives up for good: the recording thread writes every unanswered row itself, so this
 * thread must write nothing more (nothing may commit them twice). DONE does not move.
 */
function fatal(err: unknown): never {
  port.postMessage({
    seq: 0,
    errors: [toWireError(err)],
    retained: 0,
    fatal: true,
  } satisfies FromRecorderWorker);
  Atomics.store(control, STATE, STOPPED);
  Atomics.notify(control, DONE);
  process.exit(1);
}

function open(): { store: Store; committer: BatchCommitter } {
  try {
    const store = openStore(data.file, { nativeBinding: data.nativeBinding });
    return { store, committer: new BatchCommitter(store, data.maxQueued) };
  } catch (err) {
    return fatal(err);
  }
}

/**
 * Group commit: the writes that queued up while the last transaction ran are committed
 * together, at once. A steady stream is written while the next rows are still being
 * recorded, and a burst shares a few large transactions instead of many small ones.
 * (Holding writes back to merge them cost more: the inserts waited while the recording
 * thread was busy, then ran alone; the recorder bench went from about 130,000 rows a
 * second to 200,000 when they stopped waiting.)
 */
class PendingWrites {
  private batches: PackedRows[] = [];
  private rowCount = 0;
  private lastSeq = 0;

  constructor(
    private readonly store: Store,
    private readonly committer: BatchCommitter,
  ) {}

  /** Handles `first` and every request already waiting behind it, then commits. */
  handle(first: ToRecorderWorker): void {
    for (let request: ToRecorderWorker | undefined = first; request;) {
      if (request.type === 'close') return this.close(request.seq);
      this.add(request.seq, request.rows);
      request = receiveMessageOnPort(port)?.message as ToRecorderWorker | undefined;
    }
    this.commit();
  }

  private add(seq: number, rows: PackedRows): void {
    this.batches.push(rows);
    this.rowCount += rows.messageCount + rows.eventCount;
    this.lastSeq = seq;
    if (this.rowCount >= MAX_MERGED_ROWS) this.commit();
  }

  private commit(): void {
    if (this.lastSeq === 0) return;
    const { batches, lastSeq } = this;
    this.batches = [];
    this.rowCount = 0;
    this.lastSeq = 0;
    answer(toAnswer(lastSeq, this.committer.commit(batches)));
  }

  private close(seq: number): void {
    this.commit();
    const report = this.committer.abandon('the recorder closed');
    try {
      this.store.close();
    } catch (err) {
      report.errors.push(err instanceof Error ? err : new Error(String(err)));
    }
    Atomics.store(control, STATE, STOPPED);
    answer(toAnswer(seq, report));
    port.close();
  }
}

/** Runs `work`; should it ever throw (commits report their failures), rows must not vanish. */
function guarded(work: () => void): void {
  try {
    work();
  } catch (err) {
    fatal(err);
  }
}

const opened = open();
const pending = new PendingWrites(opened.store, opened.committer);
port.on('message', (first: ToRecorderWorker) => guarded(() => pending.handle(first)));
