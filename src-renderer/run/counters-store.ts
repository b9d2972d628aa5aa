import { create } from 'zustand';
import type { NodeCounters } from '@shared/run/counters';

interface CountersState {
  /** The run these counters belong to. */
  runId: string | null;
  byNode: Record<string, NodeCounters>;
  /** Engine time (ms) of the latest batch; 0 before the first. */
  at: number;
  /** Replaces the counters with those of a new run (or clears them). */
  reset(runId: string | null, byNode?: Record<string, NodeCounters>): void;
  /** Applies one `run.counters` batch. */
  apply(runId: string, nodes: Record<string, NodeCounters>, at?: number): void;
}

/**
 * Live counters in their own store, apart from the flow, so a counter batch never
 * re-renders the canvas; each node subscribes to its own entry only.
 */
export const useCountersStore = create<CountersState>()((set) => ({
  runId: null,
  byNode: {},
  at: 0,
  reset: (runId, byNode = {}) => set({ runId, byNode, at: Object.keys(byNode).length > 0 ? Date.now() : 0 }),
  apply: (runId, nodes, at = Date.now()) =>
    // Counters of a run we have not heard of yet mean a new run started: start afresh.
    set((s) => ({ runId, at, byNode: s.runId === runId ? mergeCounters(s.byNode, nodes) : nodes })),
}));

/**
 * Merges a batch into the current counters, keeping the previous object of every node
 * whose values did not change, so selectors of unchanged nodes return the same value.
 */
export function mergeCounters(
  prev: Record<string, NodeCounters>,
  next: Record<string, NodeCounters>,
): Record<string, NodeCounters> {
  const out: Record<string, NodeCounters> = { ...prev };
  for (const [id, counters] of Object.entries(next)) {
    const old = prev[id];
    out[id] = old && sameCounters(old, counters) ? old : counters;
  }
  return out;
}

function sameCounters(a: NodeCounters, b: NodeCounters): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof NodeCounters>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** The counters of one node, or undefined before its first batch. */
export function useNodeCounters(id: string): NodeCounters | undefined {
  return useCountersStore((s) => s.byNode[id]);
}
