import type { PackedRows } from './packed-rows';
import { unpackRows } from './read-packed-rows';
import { isTransient, toError } from './sqlite-errors';
import { spanCount, type FlushInfo, type MessageToInsert, type SpanToInsert, type Store } from './store';

export type { FlushInfo } from './store';

/** The outcome of one `commit` or `abandon`, in the order things happened. */
export interface CommitReport {
  /** Set when rows were written. */
  written?: FlushInfo;
  /** Store failures and lost-row reports. */
  errors: Error[];
  /** Rows kept for a retry after a transient failure; 0 once everything is written. */
  retained: number;
}

/**
 * Writes the recorder's packed batches, one transaction per commit, and decides what a
 * failure costs: rows of a transient failure (a lock, a full disk) are kept ahead of the
 * next batches, at most `maxQueued` of each kind (oldest dropped, and said so); batches the
 * store refuses outright are dropped and reported, since they would fail on every retry and
 * stall all recording behind them. It never throws. The same logic runs on the writer
 * thread and, without one, on the recording thread. Batches go in as bytes
 * (`Store.insertPacked`); only rows kept after a failure become objects.
 */
export class BatchCommitter {
  private messages: MessageToInsert[] = [];
  private events: SpanToInsert[] = [];

  constructor(
    private readonly store: Store,
    private readonly maxQueued: number,
  ) {}

  /** Writes the kept rows and then these batches, in one transaction. */
  commit(batches: PackedRows[]): CommitReport {
    if (this.messages.length > 0 || this.events.length > 0) return this.commitKept(batches);
    if (batches.every((b) => b.messageCount + b.eventCount === 0)) return { errors: [], retained: 0 };
    try {
      return { written: this.store.insertPacked(batches), errors: [], retained: 0 };
    } catch (err) {
      const messages: MessageToInsert[] = [];
      const events: SpanToInsert[] = [];
      for (const b of batches) {
        const rows = unpackRows(b);
        messages.push(...rows.messages);
        events.push(...rows.events);
      }
      return this.failed(err, messages, events);
    }
  }

  /** Gives up on the kept rows, reporting them lost. */
  abandon(why: string): CommitReport {
    const errors = lost(this.messages.length, spanCount(this.events), why);
    this.messages = [];
    this.events = [];
    return { errors, retained: 0 };
  }

  /** After a transient failure: the kept rows and the new ones, as objects. */
  private commitKept(batches: PackedRows[]): CommitReport {
    let messages = this.messages;
    let events = this.events;
    for (const b of batches) {
      const rows = unpackRows(b);
      messages = messages.concat(rows.messages);
      events = events.concat(rows.events);
    }
    this.messages = [];
    this.events = [];
    try {
      this.store.insertBatch(messages, events);
    } catch (err) {
      return this.failed(err, messages, events);
    }
    return { written: flushInfo(messages), errors: [], retained: 0 };
  }

  private failed(err: unknown, messages: MessageToInsert[], events: SpanToInsert[]): CommitReport {
    const errors = [toError(err)];
    if (!isTransient(err)) {
      errors.push(...lost(messages.length, spanCount(events), 'the store refused the batch'));
      return { errors, retained: 0 };
    }
    const dropM = Math.max(0, messages.length - this.maxQueued);
    const dropE = Math.max(0, events.length - this.maxQueued);
    this.messages = dropM > 0 ? messages.slice(dropM) : messages;
    this.events = dropE > 0 ? events.slice(dropE) : events;
    const droppedSpans = dropE > 0 ? spanCount(events.slice(0, dropE)) : 0;
    errors.push(...lost(dropM, droppedSpans, 'the store kept failing and the queue is full'));
    return { errors, retained: this.messages.length + this.events.length };
  }
}

function lost(messages: number, events: number, why: string): Error[] {
  if (messages === 0 && events === 0) return [];
  return [new Error(`Recorder lost ${messages} messages and ${events} trace events: ${why}.`)];
}

function flushInfo(messages: MessageToInsert[]): FlushInfo {
  const info: FlushInfo = { lastMessageIdByRun: {}, messagesByRun: {} };
  for (const m of messages) {
    info.lastMessageIdByRun[m.runId] = Math.max(info.lastMessageIdByRun[m.runId] ?? 0, m.id);
    info.messagesByRun[m.runId] = (info.messagesByRun[m.runId] ?? 0) + 1;
  }
  return info;
}
