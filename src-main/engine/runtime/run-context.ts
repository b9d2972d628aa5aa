import type { RunLogEntry } from '@shared/run/counters';
import type { RecordedMessageInput, TraceEvent, Transport } from '@shared/trace/events';
import { hintFor } from './error-hints';
import type { NodeStats } from './node-stats';
import type { SagaTable } from '../../store/saga-table';
import { KeyedState } from '../behaviour/keyed-state';

/** Where actors write what happened; the store's Recorder satisfies it. */
export interface TraceSink {
  /** Queues a payload and returns its id at once (written later, in a batch). */
  recordMessage(input: RecordedMessageInput): number;
  recordEvent(event: TraceEvent): void;
}

/**
 * The sink of a run with tracing off: nothing is stored, and the graph adds no traceparent
 * (`RunContext.tracing` is false), so sending costs what the bare client costs.
 */
export const UNTRACED: TraceSink = {
  recordMessage: () => 0,
  recordEvent: () => undefined,
};

const MAX_INDEXED_SPANS = 200_000;
const MAX_LOG_ENTRIES = 1000;

/**
 * What every actor of one run shares: its id, the trace sink, live stats, a way to sleep
 * that Stop interrupts, and the index from a produce span to its stored payload (so a
 * delivery refers to the payload stored at produce time instead of storing it again).
 */
export class RunContext {
  private stopped = false;
  private readonly wakers = new Set<() => void>();
  // The span index: a ring of the last MAX_INDEXED_SPANS produce spans (payload id and send
  // time side by side), so remembering one is one Map.set and forgetting the oldest one delete.
  private readonly slotBySpan = new Map<string, number>();
  private readonly spanInSlot: Array<string | undefined> = [];
  private readonly payloadInSlot: number[] = [];
  private readonly sentAtInSlot: number[] = [];
  private nextSlot = 0;
  private readonly logEntries: Array<RunLogEntry & { repeats?: number }> = [];
  private logSeq = 0;
  private readonly changedLog = new Set<RunLogEntry>();
  private pausedAll = false;
  /** The environment's gRPC TLS, for clients calling services outside the flow without their own. */
  grpcTls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  /** Where saga orchestrators keep their instances durably (the workspace store); in memory when unset. */
  sagas?: SagaTable;
  /** When a reading node last got a message (for drain: exchanges route counts we cannot see). */
  lastDeliveryAt = 0;
  private readonly pausedNodes = new Set<string>();
  private readonly resumedNodes = new Set<string>();
  /** False when the run records nothing and adds no traceparent (a throughput run). */
  readonly tracing: boolean;

  constructor(
    readonly runId: string,
    readonly sink: TraceSink,
    readonly stats: NodeStats,
  ) {
    this.tracing = sink !== UNTRACED;
  }

  private readonly keyedStates = new Map<string, KeyedState>();

  /** A node's keyed stores (state steps write them), made on first use. */
  stateOf(nodeId: string): KeyedState {
    let state = this.keyedStates.get(nodeId);
    if (!state) {
      state = new KeyedState();
      this.keyedStates.set(nodeId, state);
    }
    return state;
  }

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

  rememberPayload(spanId: string, messageId: number, sentAt?: number): void {
    const slot = this.nextSlot;
    this.nextSlot = slot + 1 === MAX_INDEXED_SPANS ? 0 : slot + 1;
    const oldest = this.spanInSlot[slot];
    if (oldest !== undefined && this.slotBySpan.get(oldest) === slot) this.slotBySpan.delete(oldest);
    this.spanInSlot[slot] = spanId;
    this.payloadInSlot[slot] = messageId;
    this.sentAtInSlot[slot] = sentAt ?? -1;
    this.slotBySpan.set(spanId, slot);
  }

  /** When the span's message was sent by this run (for end-to-end latency), if known. */
  sentAt(spanId: string | null): number | undefined {
    const slot = spanId ? this.slotBySpan.get(spanId) : undefined;
    if (slot === undefined) return undefined;
    const at = this.sentAtInSlot[slot];
    return at < 0 ? undefined : at;
  }

  /** Pauses or resumes the sources of the run (every one, or the given nodes). */
  setPaused(paused: boolean, nodeIds?: string[]): void {
    if (!nodeIds) {
      this.pausedAll = paused;
      this.pausedNodes.clear();
      this.resumedNodes.clear();
      return;
    }
    for (const id of nodeIds) {
      if (paused) {
        this.pausedNodes.add(id);
        this.resumedNodes.delete(id);
      } else {
        // Resuming one node while all are paused: that node goes on, the others stay paused.
        this.pausedNodes.delete(id);
        this.resumedNodes.add(id);
      }
    }
  }

  isPaused(nodeId: string): boolean {
    return (this.pausedAll && !this.resumedNodes.has(nodeId)) || this.pausedNodes.has(nodeId);
  }

  /** Waits (interruptibly by Stop) while the node is paused; returns the time waited. */
  async waitWhilePaused(nodeId: string): Promise<number> {
    if (!this.isPaused(nodeId)) return 0;
    const from = performance.now();
    this.stats.setPaused(nodeId, true);
    while (this.isPaused(nodeId) && !this.stopped) await this.sleep(50);
    this.stats.setPaused(nodeId, false);
    return performance.now() - from;
  }

  /** Adds a line to the run log; the same message again from the same node only counts up. */
  log(level: RunLogEntry['level'], nodeId: string | undefined, message: string, hint?: string): void {
    for (let i = this.logEntries.length - 1; i >= Math.max(0, this.logEntries.length - 20); i--) {
      const e = this.logEntries[i];
      if (e.nodeId === nodeId && e.message === message && e.level === level) {
        e.repeats = (e.repeats ?? 1) + 1;
        e.ts = Date.now();
        this.changedLog.add(e);
        return;
      }
    }
    const entry: RunLogEntry = { seq: ++this.logSeq, ts: Date.now(), level, nodeId, message, hint };
    this.logEntries.push(entry);
    if (this.logEntries.length > MAX_LOG_ENTRIES) this.logEntries.shift();
    this.changedLog.add(entry);
  }

  /** Entries added or counted up since the last call (for the batched UI push). */
  takeLogChanges(): RunLogEntry[] {
    const out = [...this.changedLog].map((e) => ({ ...e }));
    this.changedLog.clear();
    return out;
  }

  get logs(): RunLogEntry[] {
    return this.logEntries.map((e) => ({ ...e }));
  }

  payloadOf(spanId: string | null): number | undefined {
    const slot = spanId ? this.slotBySpan.get(spanId) : undefined;
    return slot === undefined ? undefined : this.payloadInSlot[slot];
  }

  /** Marks nodes red with the broker's own message and a hint. */
  fail(nodeIds: string[], transport: Transport, message: string): void {
    const hint = hintFor(transport, message);
    for (const id of nodeIds) this.stats.setStatus(id, 'error', message, hint);
    this.log('error', nodeIds[0], message, hint);
  }
}
