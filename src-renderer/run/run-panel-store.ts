import { create } from 'zustand';
import type { RunLogEntry } from '@shared/run/counters';

export type BottomTab = 'messages' | 'run' | 'calls' | 'trace' | 'runs';
/** Which log lines the run log lists. */
export type LogFilter = 'all' | 'problems' | 'errors';

interface RunPanelState {
  tab: BottomTab;
  /** The node whose latency and histogram the panel shows; null picks the busiest. */
  nodeId: string | null;
  logFilter: LogFilter;
  setTab(tab: BottomTab): void;
  setNode(nodeId: string | null): void;
  setLogFilter(filter: LogFilter): void;
}

/** View state of the bottom dock and the run panel (never part of the flow or its undo). */
export const useRunPanelStore = create<RunPanelState>()((set) => ({
  tab: 'messages',
  nodeId: null,
  logFilter: 'all',
  setTab: (tab) => set({ tab }),
  setNode: (nodeId) => set({ nodeId }),
  setLogFilter: (logFilter) => set({ logFilter }),
}));

/** The lines a filter keeps. */
export function filterLog(entries: RunLogEntry[], filter: LogFilter): RunLogEntry[] {
  if (filter === 'all') return entries;
  if (filter === 'errors') return entries.filter((e) => e.level === 'error');
  return entries.filter((e) => e.level !== 'info');
}
