import type { RecordedMessageInput, TraceEvent } from '@shared/trace/events';
import { isTransient, toError } from './sqlite-errors';
import type { MessageToInsert, Store } from './store';

/** What one successful flush wrote, per run: the UI pulls pages up to `lastMessageIdByRun`. */
export interface FlushInfo {
  lastMessageIdByRun: Record<string, number>;
  messagesByRun: Record<string, number>;
}

/** Recorder tuning and callbacks. */
export interface RecorderOptions {
  /** Longest time a row waits in memory before it is written. Default 50 ms. */
  flushIntervalMs?: number;
  /** Queue size (messages + events) that triggers a flush on the next turn. Default 5000. */
  maxBatch?: number;
  /** Most rows of each kind kept for retry while the store fails. Default 20 × maxBatch. */
  maxQueued?: number;
  onFlushed?: (info: FlushInfo) => void;
  /** Store failures and lost rows. Defaults to console.error so nothing is lost silently. */
  onError?: (err: Error) => void;
}

/**
 * The hot path from the engine to the store. Calls only queue rows in memory; rows reach
 * SQLite in one transaction per flush (every `flushIntervalMs`, or on the next turn once
 * `maxBatch` rows wait), never one insert per event. One Recorder per store: message ids
 * come from its own counter, seeded from the store.
 */
export class Recorder {
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private readonly onFlushed?: (info: FlushInfo) => void;
  private readonly onError: (err: Error) => void;
  private nextId: number;
  private messages: MessageToInsert[] = [];
  private events: TraceEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private closed = false;
  /** Set while the store fails: retries wait for the timer instead of running every turn. */
  private failing = false;

  constructor(
    private readonly store: Store,
    options: RecorderOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxBatch = options.maxBatch ?? 5000;
    this.maxQueued = options.maxQueued ?? this.maxBatch * 20;
    this.onFlushed = options.onFlushed;
    this.onError = options.onError ?? ((err): void => console.error('[flowbench recorder]', err));
    this.nextId = store.maxMessageId();
  }

  /**
   * Queues a payload and returns its id at once; the row is stored by a later flush.
   * The payload bytes are kept by reference until then: the caller must not reuse them.
   */
  recordMessage(input: RecordedMessageInput): number {
    this.assertOpen();
    const id = ++this.nextId;
    this.messages.push({ ...input, id });
    this.scheduleFlush();
    return id;
  }

  /** Queues a trace event; it is stored by a later flush. */
  recordEvent(event: TraceEvent): void {
    this.assertOpen();
    this.events.push(event);
    this.scheduleFlush();
  }

  /** Writes everything queued now, in one transaction. Failures go to onError, never thrown. */
  flush(): void {
    this.clearSchedule();
    if (this.messages.length === 0 && this.events.length === 0) return;
    const messages = this.messages;
    const events = this.events;
    this.messages = [];
    this.events = [];
    try {
      this.store.insertBatch(messages, events);
    } catch (err) {
      this.failed(err, messages, events);
      return;
    }
    this.failing = false;
    this.flushed(messages);
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
    this.reportLost(this.messages.length, this.events.length, 'the recorder closed');
    this.messages = [];
    this.events = [];
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Recorder is closed: the run that owned it has ended.');
  }

  private scheduleFlush(): void {
    if (this.messages.length + this.events.length >= this.maxBatch && !this.failing) {
      // Not synchronous: the caller is a broker callback and should return at once.
      this.immediate ??= setImmediate(() => {
        this.immediate = undefined;
        this.flush();
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

  private flushed(messages: MessageToInsert[]): void {
    if (!this.onFlushed) return;
    const info: FlushInfo = { lastMessageIdByRun: {}, messagesByRun: {} };
    for (const m of messages) {
      info.lastMessageIdByRun[m.runId] = Math.max(info.lastMessageIdByRun[m.runId] ?? 0, m.id);
      info.messagesByRun[m.runId] = (info.messagesByRun[m.runId] ?? 0) + 1;
    }
    try {
      this.onFlushed(info);
    } catch (err) {
      this.onError(toError(err));
    }
  }

  private failed(err: unknown, messages: MessageToInsert[], events: TraceEvent[]): void {
    this.onError(toError(err));
    // A constraint or bad value would fail on every retry and stall all recording behind it.
    if (!isTransient(err)) {
      this.reportLost(messages.length, events.length, 'the store refused the batch');
      this.scheduleRetry();
      return;
    }
    this.failing = true;
    // Keep the failed rows ahead of anything queued since, oldest dropped past the bound.
    const keptMessages = messages.concat(this.messages);
    const keptEvents = events.concat(this.events);
    const dropM = Math.max(0, keptMessages.length - this.maxQueued);
    const dropE = Math.max(0, keptEvents.length - this.maxQueued);
    this.messages = keptMessages.slice(dropM);
    this.events = keptEvents.slice(dropE);
    this.reportLost(dropM, dropE, 'the store kept failing and the queue is full');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    // Retry on the interval, not every turn, so a locked or full database is not hammered.
    if (!this.closed && this.messages.length + this.events.length > 0) this.armTimer();
  }

  private armTimer(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.flushIntervalMs);
    // Recording must never keep the process alive on its own.
    this.timer.unref();
  }

  private reportLost(messages: number, events: number, why: string): void {
    if (messages === 0 && events === 0) return;
    this.onError(new Error(`Recorder lost ${messages} messages and ${events} trace events: ${why}.`));
  }
}
