import { emptyCounters, type NodeCounters, type NodeStatus } from '@shared/run/counters';

type CountField = 'sent' | 'received' | 'acked' | 'nacked' | 'errors';

/**
 * Live counters of every node of a run. Actors bump plain numbers on the hot path; the run
 * takes a snapshot (with rates) at most every 250 ms for the UI.
 */
export class NodeStats {
  private readonly counters = new Map<string, NodeCounters>();
  private readonly lastTotals = new Map<string, number>();
  private lastSnapshotAt = performance.now();
  private dirty = true;

  constructor(nodeIds: string[]) {
    for (const id of nodeIds) this.counters.set(id, emptyCounters());
  }

  add(nodeId: string, field: CountField, n = 1): void {
    const c = this.counters.get(nodeId);
    if (!c) return;
    c[field] += n;
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
      out[id] = { ...c };
    }
    this.lastSnapshotAt = now;
    this.dirty = false;
    return out;
  }

  all(): Record<string, NodeCounters> {
    const out: Record<string, NodeCounters> = {};
    for (const [id, c] of this.counters) out[id] = { ...c };
    return out;
  }
}
