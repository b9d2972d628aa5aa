import { isTransient, toError } from './sqlite-errors';
import { spanCount, type MessageToInsert, type SpanToInsert, type Store } from './store';

/** What one successful write stored, per run: the UI pulls pages up to `lastMessageIdByRun`. */
export interface FlushInfo {
  lastMessageIdByRun: Record<string, number>;
  messagesByRun: Record<string, number>;
}

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
 * Writes batches through `store.insertBatch`, one transaction each, and decides what a
 * failure costs: rows of a transient failure (a lock, a full disk) are kept ahead of the
 * next batch, at most `maxQueued` of each kind (oldest dropped, and said so); a batch the
 * store refuses outright is dropped and reported, since it would fail on every retry and
 * stall all recording behind it. It never throws. The same logic runs on the writer
 * thread and, without one, on the recording thread.
 */
export class BatchCommitter {
  private messages: MessageToInsert[] = [];
  private events: SpanToInsert[] = [];

  constructor(
    private readonly store: Store,
    private readonly maxQueued: number,
  ) {}

  /** Writes the kept rows and then these, in one transaction. */
  commit(messages: MessageToInsert[], events: SpanToInsert[]): CommitReport {
    const allMessages = this.messages.length > 0 ? this.messages.concat(messages) : messages;
    const allEvents = this.events.length > 0 ? this.events.concat(events) : events;
    this.messages = [];
    this.events = [];
    if (allMessages.length === 0 && allEvents.length === 0) return { errors: [], retained: 0 };
    try {
      this.store.insertBatch(allMessages, allEvents);
    } catch (err) {
      return this.failed(err, allMessages, allEvents);
    }
    return { written: flushInfo(allMessages), errors: [], retained: 0 };
  }

  /** Gives up on the kept rows, reporting them lost. */
  abandon(why: string): CommitReport {
    const errors = lost(this.messages.length, spanCount(this.events), why);
    this.messages = [];
    this.events = [];
    return { errors, retained: 0 };
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
    errors.push(
      ...lost(
        dropM,
        dropE > 0 ? spanCount(events.slice(0, dropE)) : 0,
        'the store kept failing and the queue is full',
      ),
    );
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
