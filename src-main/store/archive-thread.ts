import type { Worker } from 'node:worker_threads';
import { applyRetentionPlan, type RetentionPlan } from './apply-retention';
import type {
  ArchiveOp,
  ArchiveOps,
  ArchiveWorkerData,
  FromArchiveWorker,
  ToArchiveWorker,
} from './archive-worker-protocol';
import { fromWireError } from './recorder-worker-protocol';
import { startStoreWorker } from './recorder-worker-script';
import type { RunArchive } from './run-archive';

/** Where the archive's thread connects: the store's own file and native binding. */
export interface ArchiveThreadOptions {
  file: string;
  nativeBinding?: string;
}

/** The run archive's slow operations, answered without blocking the caller's thread. */
export interface AsyncRunArchive {
  report(runId: string, bucketMs?: number): Promise<ArchiveOps['report']['result']>;
  timeline(runId: string, maxBuckets: number): Promise<ArchiveOps['timeline']['result']>;
  /**
   * Deletes a run in short steps behind its mark (hidden at once); false when unknown or running.
   * `onProgress` hears how far it is (0-1) every few hundred ms.
   */
  deleteRun(runId: string, onProgress?: (fraction: number) => void): Promise<boolean>;
  /** Carries out a retention plan (made on the caller's thread); the ids deleted. */
  retain(plan: RetentionPlan): Promise<string[]>;
  /**
   * Ends the thread and its connection (before the store's own close checkpoints the WAL). A
   * delete in progress stops between two steps, answered true: its run stays marked (hidden) and
   * the next thread finishes it. Calls after this fail.
   */
  close(): Promise<void>;
}

/** A thread that has not closed by then (a call stuck past SQLite's busy timeout) is stopped. */
const CLOSE_WAIT_MS = 30_000;

interface Pending {
  op: ArchiveOp;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  onProgress?: (fraction: number) => void;
}

/**
 * Runs reports, timelines and run deletes on a worker thread with its own connection. If
 * the thread cannot start or dies, the calls it had not answered (and all later ones) run
 * on this thread through `inline` instead: slower for everyone else, but nothing fails.
 * Redoing a delete is safe: a marked run is marked again and emptied on; one already gone answers
 * false. A delete the thread left half done stays marked and hidden, and is finished by the next
 * thread (or here, once the thread is gone).
 */
export class ArchiveThread implements AsyncRunArchive {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Promise<void> = Promise.resolve();
  private closed: () => void = () => undefined;
  /** Set by close(): later calls fail rather than run a long delete on this thread while it shuts down. */
  private shut = false;

  constructor(
    private readonly inline: RunArchive,
    thread: ArchiveThreadOptions,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {
    try {
      const workerData: ArchiveWorkerData = { ...thread };
      const worker = startStoreWorker('archive-worker', { workerData });
      this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
      worker.on('message', (answer: FromArchiveWorker) => this.receive(answer));
      worker.on('error', (err) => this.gone(err));
      worker.on('exit', (code) => this.gone(new Error(`it exited with code ${code}`)));
      // Referenced only while a call waits for its answer: the thread never keeps the process alive.
      worker.unref();
      this.worker = worker;
    } catch (err) {
      this.onError(
        new Error(`The run archive's thread did not start (${errorText(err)}); working on this thread.`),
      );
      setImmediate(() => this.finishMarkedInline());
    }
  }

  report(runId: string, bucketMs?: number): Promise<ArchiveOps['report']['result']> {
    return this.call('report', [runId, bucketMs]);
  }

  timeline(runId: string, maxBuckets: number): Promise<ArchiveOps['timeline']['result']> {
    return this.call('timeline', [runId, maxBuckets]);
  }

  deleteRun(runId: string, onProgress?: (fraction: number) => void): Promise<boolean> {
    return this.call('deleteRun', [runId], onProgress);
  }

  retain(plan: RetentionPlan): Promise<string[]> {
    return this.call('retain', [plan]);
  }

  async close(): Promise<void> {
    this.shut = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    // The thread answers the calls it holds before the close behind them.
    const answered = new Promise<void>((resolve) => (this.closed = resolve));
    worker.postMessage({ type: 'close' } satisfies ToArchiveWorker);
    worker.ref();
    const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS);
    // Every answer comes before `closed`; only a thread that died first skips it.
    await Promise.race([answered, this.exited]);
    await this.exited;
    clearTimeout(timer);
    // Only if it died first: what it left unanswered is done here.
    this.redoInline();
  }

  private call<K extends ArchiveOp>(
    op: K,
    args: ArchiveOps[K]['args'],
    onProgress?: (fraction: number) => void,
  ): Promise<ArchiveOps[K]['result']> {
    if (this.shut) return Promise.reject(new Error('The run archive is closed (the app is shutting down).'));
    if (!this.worker) return Promise.resolve().then(() => runInline(this.inline, op, args));
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise<ArchiveOps[K]['result']>((resolve, reject) => {
      this.pending.set(id, { op, args, resolve: resolve as (value: unknown) => void, reject, onProgress });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ type: 'call', id, op, args } as ToArchiveWorker);
    });
  }

  private receive(answer: FromArchiveWorker): void {
    if ('closed' in answer) return this.closed();
    const call = this.pending.get(answer.id);
    if (!call) return;
    if ('progress' in answer) return call.onProgress?.(answer.progress);
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (answer.ok) call.resolve(answer.result);
    else call.reject(fromWireError(answer.error));
  }

  /** The thread stopped on its own: its connection is gone, so this thread takes over. */
  private gone(cause: Error): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.onError(new Error(`The run archive's thread failed (${cause.message}); working on this thread.`));
    this.redoInline();
    this.finishMarkedInline();
    void worker.terminate();
  }

  /** Deletes the thread would have finished (left marked by an earlier session or by it), done here. */
  private finishMarkedInline(): void {
    try {
      for (const runId of this.inline.deleteSteps.marked()) this.inline.deleteRun(runId);
    } catch (err) {
      this.onError(new Error(`Finishing the delete of a run failed (${errorText(err)}); it stays hidden.`));
    }
  }

  private redoInline(): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const c of calls) {
      try {
        c.resolve(runInline(this.inline, c.op, c.args as ArchiveOps[typeof c.op]['args']));
      } catch (err) {
        c.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }
}

function runInline<K extends ArchiveOp>(
  archive: RunArchive,
  op: K,
  args: ArchiveOps[K]['args'],
): ArchiveOps[K]['result'] {
  const a = args as unknown[];
  switch (op) {
    case 'report':
      return archive.report(a[0] as string, a[1] as number | undefined) as ArchiveOps[K]['result'];
    case 'timeline':
      return archive.timeline(a[0] as string, a[1] as number) as ArchiveOps[K]['result'];
    case 'retain':
      return applyRetentionPlan(archive, a[0] as RetentionPlan) as ArchiveOps[K]['result'];
    default:
      return archive.deleteRun(a[0] as string) as ArchiveOps[K]['result'];
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
