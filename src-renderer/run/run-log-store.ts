import { create } from 'zustand';
import type { RunLogEntry } from '@shared/run/counters';

/** The most lines kept (the engine itself keeps fewer); past it the oldest go first. */
export const MAX_LOG_LINES = 5000;

interface RunLogState {
  runId: string | null;
  /** Oldest first, one per `seq`. */
  entries: RunLogEntry[];
  /** Replaces the log with a run's whole log (or clears it). */
  reset(runId: string | null, entries?: RunLogEntry[]): void;
  /** Applies a `run.log` push: new lines and lines whose repeat count went up. */
  apply(runId: string, entries: RunLogEntry[]): void;
}

/** The current (or last) run's warnings and errors, as the run panel lists them. */
export const useRunLogStore = create<RunLogState>()((set) => ({
  runId: null,
  entries: [],
  reset: (runId, entries = []) => set({ runId, entries: mergeLog([], entries) }),
  apply: (runId, entries) =>
    set((s) => ({ runId, entries: mergeLog(s.runId === runId ? s.entries : [], entries) })),
}));

/**
 * Merges pushed lines into the log by `seq`: an update replaces its line in place (a repeat
 * counted up), new lines go in order; the result is a new array only when something changed.
 */
export function mergeLog(prev: RunLogEntry[], incoming: RunLogEntry[]): RunLogEntry[] {
  if (incoming.length === 0) return prev;
  const bySeq = new Map(prev.map((e, i) => [e.seq, i] as const));
  const out = [...prev];
  let appended = false;
  for (const e of incoming) {
    const at = bySeq.get(e.seq);
    if (at !== undefined) out[at] = e;
    else {
      bySeq.set(e.seq, out.length);
      out.push(e);
      appended = true;
    }
  }
  if (appended) out.sort((a, b) => a.seq - b.seq);
  return out.length > MAX_LOG_LINES ? out.slice(out.length - MAX_LOG_LINES) : out;
}

/** How many lines of each level the log holds (for the panel's tab badge). */
export function countLevels(entries: RunLogEntry[]): { warning: number; error: number } {
  let warning = 0;
  let error = 0;
  for (const e of entries) {
    if (e.level === 'error') error++;
    else if (e.level === 'warning') warning++;
  }
  return { warning, error };
}
