import type { MessageDetail, MessageRow, RunSummary } from '@shared/api/contract';
import type { RecordedMessageInput, TraceEvent } from '@shared/trace/events';
import type { PackedRows } from './packed-rows';
import type { ReplayTable } from './replay-table';
import type { RunArchive } from './run-archive';
import type { SagaTable } from './saga-table';

/** What `createRun` needs: the run row as it exists when the run starts. */
export interface NewRun {
  id: string;
  flowName: string;
  flowJson: string;
  environment: string;
  startedAt: number;
}

/** The states a run can end in. */
export type FinalRunState = 'stopped' | 'failed';

/** The ack of a delivery, stored in its deliver span's row: a span of kind 'ack', child of that span. */
export interface FoldedAck {
  spanId: string;
  ts: number;
  durationMs: number;
}

/**
 * A span as the store writes it: one row, and with `ack` two spans in that row (the ack
 * keeps every other field of its delivery). Reads give them back as two TraceEvents.
 */
export type SpanToInsert = TraceEvent & { ack?: FoldedAck };

/** How many spans (trace events) the rows hold. */
export function spanCount(spans: SpanToInsert[]): number {
  let n = spans.length;
  for (const s of spans) if (s.ack) n++;
  return n;
}

/** What one successful write stored, per run: the UI pulls pages up to `lastMessageIdByRun`. */
export interface FlushInfo {
  lastMessageIdByRun: Record<string, number>;
  messagesByRun: Record<string, number>;
}

/** A recorded message with the id the Recorder already gave it. */
export type MessageToInsert = RecordedMessageInput & { id: number };

/**
 * The workspace database behind named operations. Only these operations cross the store
 * boundary; SQL stays inside `src-main/store`. All calls are synchronous (better-sqlite3)
 * and each write is atomic.
 */
export interface Store {
  /** Inserts a run in state `running`, counting rows already recorded under its id; throws if the id exists. */
  createRun(r: NewRun): void;
  /** Marks a run ended; a no-op for an unknown id. */
  finishRun(id: string, state: FinalRunState, endedAt: number, error?: string): void;
  /** The newest `limit` runs (by start time), each with its message and event counts. */
  listRuns(limit: number): RunSummary[];
  /** One run with its counts, or null when unknown. */
  getRun(id: string): RunSummary | null;
  /** The flow document a run ran (JSON), as it was when it started. */
  getRunFlow(id: string): string | null;
  /**
   * One page of a run's messages, newest first: rows with `id < beforeId` (all when
   * undefined). Keyset paging, so every page costs the same. `total` counts the whole run.
   */
  listMessages(
    runId: string,
    beforeId: number | undefined,
    limit: number,
  ): { rows: MessageRow[]; total: number };
  /** A message with headers, payload (text when valid UTF-8, else base64) and its trace. */
  getMessage(id: number): MessageDetail | null;
  /** Every event of a trace, ordered by ts then insertion order. */
  traceEvents(traceId: string): TraceEvent[];
  /** Event count per kind for a run; kinds with no events are absent. */
  countEvents(runId: string): Record<string, number>;
  /** Event count per node, then per kind, for a run. */
  countEventsByNode(runId: string): Record<string, Record<string, number>>;
  /** A stored setting, or null when never set. */
  getSetting(key: string): string | null;
  /** Creates or replaces a setting. */
  setSetting(key: string, value: string): void;
  /** Writes all messages and spans in ONE transaction: all rows land, or none do. */
  insertBatch(messages: MessageToInsert[], events: SpanToInsert[]): void;
  /**
   * Writes the recorder's packed batches in ONE transaction, binding values straight from
   * the bytes (no row objects): all rows land, or none do. Says what was stored.
   */
  insertPacked(batches: PackedRows[]): FlushInfo;
  /** The highest stored message id, 0 when there are none. */
  maxMessageId(): number;
  /** Saga instances, written through on every transition (pattern 9: durable across restarts). */
  sagas: SagaTable;
  /** Replays, their links to the originals, and the messages they read (issue 6). */
  replays: ReplayTable;
  /** Run reports, playback timelines, deleting runs and retention (issue 6). */
  runs: RunArchive;
  /** Checkpoints the WAL into the main file and closes; later calls are no-ops. */
  close(): void;
}
