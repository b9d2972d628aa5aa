import { create } from 'zustand';
import type { NodeKind } from '@shared/flow/node-kinds';
import { useFlowStore } from '../canvas/flow-store';
import { useCountersStore } from './counters-store';
import { PAUSABLE_KINDS } from './pause-actions';
import { RunSeries } from './run-series';

/** The one series of the current (or last) run, sampled once a second while it goes. */
export const runSeries = new RunSeries();

interface SeriesVersion {
  /** Bumped after each sample: the run panel's charts re-read the series then (nodes do not). */
  version: number;
}

export const useSeriesVersion = create<SeriesVersion>()(() => ({ version: 0 }));

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `fn` after every sample, outside React (sparklines draw themselves from here). */
export function onSample(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Takes one sample from the latest counter batch and tells the charts and sparklines. */
export function sampleSeries(now = Date.now()): void {
  const { runId, at, byNode } = useCountersStore.getState();
  if (!runId) return;
  const sources = new Set(
    useFlowStore
      .getState()
      .nodes.filter((n) => PAUSABLE_KINDS.has(n.type as NodeKind))
      .map((n) => n.id),
  );
  runSeries.sample(runId, at, byNode, now, (id) => sources.has(id));
  notify();
}

/** Forgets the series (a new run, or none). */
export function resetSeries(runId: string | null): void {
  if (runSeries.runId === runId) return;
  runSeries.reset(runId);
  notify();
}

function notify(): void {
  useSeriesVersion.setState((s) => ({ version: s.version + 1 }));
  for (const fn of listeners) fn();
}
