import { emptyCounters, type LatencyBuckets, type NodeCounters, type NodeStatus } from '@shared/run/counters';
import { LatencyHistogram } from './latency-histogram';

type CountField = 'sent' | 'received' | 'acked' | 'nacked' | 'errors' | 'invalid';

/**
 * Live counters of every node of a run. Actors bump plain numbers on the hot path; the run
 * takes a snapshot (with rates) at most every 250 ms for the UI.
 */
export class NodeStats {
  private readonly counters = new Map<string, NodeCounters>();
  private readonly lastTotals = new Map<string, number>();
  private lastSnapshotAt = performance.now();
  private readonly latency = new Map<string, LatencyHistogram>();
  private dirty = true;

  constructor(nodeIds: string[]) {
    for (const id of nodeIds) this.counters.set(id, emptyCounters());
  }

  /** Starts counting for an id that is not a node (a mesh-governed edge, a gateway route). */
  track(id: string): void {
    if (!this.counters.has(id)) this.counters.set(id, emptyCounters());
  }

  /** Sets a governed edge's breaker state or bumps its retries (see NodeCounters). */
  setBreaker(id: string, state: NonNullable<NodeCounters['breaker']>): void {
    const c = this.counters.get(id);
    if (!c || c.breaker === state) return;
    c.breaker = state;
    this.dirty = true;
  }

  addRetry(id: string): void {
    const c = this.counters.get(id);
    if (!c) return;
    c.retries = (c.retries ?? 0) + 1;
    this.dirty = true;
  }

  /** Records one latency observation; quantiles are worked out only when a snapshot is taken. */
  observe(nodeId: string, ms: number): void {
    let h = this.latency.get(nodeId);
    if (!h) {
      if (!this.counters.has(nodeId)) return;
      h = new LatencyHistogram();
      this.latency.set(nodeId, h);
    }
    h.observe(ms);
    this.dirty = true;
  }

  /** Sets a polled gauge (Kafka lag, queue depth); undefined clears it. */
  setGauge(nodeId: string, gauge: 'lag' | 'depth', value: number | undefined): void {
    const c = this.counters.get(nodeId);
    if (!c || c[gauge] === value) return;
    if (value === undefined) delete c[gauge];
    else c[gauge] = value;
    this.dirty = true;
  }

  setPaused(nodeId: string, paused: boolean): void {
    const c = this.counters.get(nodeId);
    if (!c || Boolean(c.paused) === paused) return;
    if (paused) c.paused = true;
    else delete c.paused;
    this.dirty = true;
  }

  histogram(nodeId: string): LatencyBuckets {
    const h = this.latency.get(nodeId);
    return { nodeId, count: h?.count ?? 0, buckets: h?.buckets() ?? [] };
  }

  private withQuantiles(id: string, c: NodeCounters): NodeCounters {
    const h = this.latency.get(id);
    if (h) {
      c.p50Ms = round(h.quantile(0.5));
      c.p99Ms = round(h.quantile(0.99));
    }
    return { ...c };
  }

  add(nodeId: string, field: CountField, n = 1): void {
    const c = this.counters.get(nodeId);
    if (!c) return;
    c[field] += n;
    this.dirty = true;
  }

  /** Adds payload bytes a client sent (`out`) or received (`in`). */
  addBytes(nodeId: string, direction: 'out' | 'in', bytes: number): void {
    const c = this.counters.get(nodeId);
    if (!c) return;
    const field = direction === 'out' ? 'bytesOut' : 'bytesIn';
    c[field] = (c[field] ?? 0) + bytes;
    this.dirty = true;
  }

  get(nodeId: string): NodeCounters | undefined {
    return this.counters.get(nodeId);
  }

  /** Sets a node's status; an error keeps its message and hint until the node recovers. */
  setStatus(nodeId: string, status: NodeStatus, error?: string, hint?: string): void {
    const c = this.counters.get(nodeId);
    if (!c) return;
    if (c.status === 'error' && status === 'running' && error === undefined) return;
    c.status = status;
    if (status === 'error') {
      c.error = error;
      c.hint = hint;
    } else if (status !== 'stopped') {
      delete c.error;
      delete c.hint;
    }
    this.dirty = true;
  }

  /** Marks a node healthy again after an error (for example when its broker is back). */
  recover(nodeId: string): void {
    const c = this.counters.get(nodeId);
    if (!c || c.status !== 'error') return;
    c.status = 'running';
    delete c.error;
    delete c.hint;
    this.dirty = true;
  }

  /** Returns a copy with per-node rates, or null when nothing changed since the last one. */
  snapshot(force = false): Record<string, NodeCounters> | null {
    const now = performance.now();
    const seconds = Math.max((now - this.lastSnapshotAt) / 1000, 0.001);
    const anyRate = [...this.counters.values()].some((c) => c.rate > 0);
    if (!this.dirty && !force && !anyRate) return null;
    const out: Record<string, NodeCounters> = {};
    for (const [id, c] of this.counters) {
      const total = Math.max(c.sent, c.received);
      const before = this.lastTotals.get(id) ?? 0;
      c.rate = Math.round(((total - before) / seconds) * 10) / 10;
      this.lastTotals.set(id, total);
      out[id] = this.withQuantiles(id, c);
    }
    this.lastSnapshotAt = now;
    this.dirty = false;
    return out;
  }

  all(): Record<string, NodeCounters> {
    const out: Record<string, NodeCounters> = {};
    for (const [id, c] of this.counters) out[id] = this.withQuantiles(id, c);
    return out;
  }
}

function round(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms * 100) / 100;
}
