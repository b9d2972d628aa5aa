import type { RecordedMessageInput, TraceEvent, Transport } from '@shared/trace/events';
import { hintFor } from './error-hints';
import type { NodeStats } from './node-stats';

/** Where actors write what happened; the store's Recorder satisfies it. */
export interface TraceSink {
  /** Queues a payload and returns its id at once (written later, in a batch). */
  recordMessage(input: RecordedMessageInput): number;
  recordEvent(event: TraceEvent): void;
}

const MAX_INDEXED_SPANS = 200_000;

/**
 * What every actor of one run shares: its id, the trace sink, live stats, a way to sleep
 * that Stop interrupts, and the index from a produce span to its stored payload (so a
 * delivery refers to the payload stored at produce time instead of storing it again).
 */
export class RunContext {
  private stopped = false;
  private readonly wakers = new Set<() => void>();
  private readonly payloadBySpan = new Map<string, number>();

  constructor(
    readonly runId: string,
    readonly sink: TraceSink,
    readonly stats: NodeStats,
  ) {}

  get isStopping(): boolean {
    return this.stopped;
  }

  /** Ends every pacing loop and wakes every sleeper. */
  beginStop(): void {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (this.stopped) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });

  rememberPayload(spanId: string, messageId: number): void {
    if (this.payloadBySpan.size >= MAX_INDEXED_SPANS) {
      const oldest = this.payloadBySpan.keys().next().value as string;
      this.payloadBySpan.delete(oldest);
    }
    this.payloadBySpan.set(spanId, messageId);
  }

  payloadOf(spanId: string | null): number | undefined {
    return spanId ? this.payloadBySpan.get(spanId) : undefined;
  }

  /** Marks nodes red with the broker's own message and a hint. */
  fail(nodeIds: string[], transport: Transport, message: string): void {
    const hint = hintFor(transport, message);
    for (const id of nodeIds) this.stats.setStatus(id, 'error', message, hint);
  }
}
