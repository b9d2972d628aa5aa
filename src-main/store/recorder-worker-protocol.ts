import type { MessagePort } from 'node:worker_threads';
import type { FlushInfo } from './batch-committer';
import type { PackedRows } from './packed-rows';

/** What the recorder's writer thread is started with (its `workerData`). */
export interface RecorderWorkerData {
  /** The workspace database, already opened and migrated by the store. */
  file: string;
  nativeBinding?: string;
  maxQueued: number;
  /** The worker's end of the channel: requests come in and answers go out here. */
  port: MessagePort;
  /** Int32 slots DONE and STATE, so the recording thread can block until a request is answered. */
  control: SharedArrayBuffer;
}

/**
 * Requests. Writes and close are answered in order, `seq` growing by one per request;
 * `rows` arrive as a structured clone (two byte arrays and a short string table).
 */
export type ToRecorderWorker =
  { type: 'write'; seq: number; rows: PackedRows } | { type: 'close'; seq: number };

/** An Error as it crosses threads (the structured clone of an Error drops `code`). */
export interface WireError {
  message: string;
  code?: string;
}

/**
 * The answer to every request up to `seq` (merged writes are answered once). `fatal`
 * means the worker has stopped for good (the database would not open, or something
 * threw): no unanswered write was committed, and none will be.
 */
export interface FromRecorderWorker {
  seq: number;
  written?: FlushInfo;
  errors: WireError[];
  retained: number;
  fatal?: boolean;
}

/** Slot of `control` holding the highest answered seq; the worker notifies on it. */
export const DONE = 0;
/** Slot of `control` holding the worker's state. */
export const STATE = 1;
export const RUNNING = 0;
/** Closed on request, or failed to open: no more answers will come. */
export const STOPPED = 1;

/** Turns anything thrown into a WireError. */
export function toWireError(err: unknown): WireError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { message, code } : { message };
}

/** Rebuilds the Error, `code` included, so `isTransient` and callers see what SQLite said. */
export function fromWireError(e: WireError): Error {
  const err = new Error(e.message);
  return e.code === undefined ? err : Object.assign(err, { code: e.code });
}
