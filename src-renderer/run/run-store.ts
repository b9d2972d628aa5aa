import { create } from 'zustand';
import type { RunState } from '@shared/api/contract';
import type { FlowProblem } from '@shared/flow/document';

interface RunStoreState {
  runId: string | null;
  state: RunState;
  /** The engine's message when the run failed: untrusted text. */
  error: string | null;
  /** Problems that kept the last Run from starting; null when there are none to show. */
  problems: FlowProblem[] | null;
  /** True while a start or stop request is on its way. */
  pending: boolean;
  /** The user paused every source of this run (until Resume or the run ends). */
  pauseRequested: boolean;
  setRunState(runId: string | null, state: RunState, error?: string | null): void;
  setProblems(problems: FlowProblem[] | null): void;
  setPending(pending: boolean): void;
  setPauseRequested(paused: boolean): void;
}

/** The state of the current (or last) run as the engine reported it. */
export const useRunStore = create<RunStoreState>()((set) => ({
  runId: null,
  state: 'idle',
  error: null,
  problems: null,
  pending: false,
  pauseRequested: false,
  setRunState: (runId, state, error = null) =>
    set((s) => ({
      runId,
      state,
      error,
      // A pause belongs to its run: a new or ended run starts unpaused.
      pauseRequested: s.runId === runId && isRunActive(state) ? s.pauseRequested : false,
    })),
  setProblems: (problems) => set({ problems }),
  setPending: (pending) => set({ pending }),
  setPauseRequested: (pauseRequested) => set({ pauseRequested }),
}));

/** True while the engine is starting, running or stopping a run. */
export function isRunActive(state: RunState): boolean {
  return state === 'starting' || state === 'running' || state === 'stopping';
}
