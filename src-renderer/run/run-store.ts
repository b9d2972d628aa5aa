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
  setRunState(runId: string | null, state: RunState, error?: string | null): void;
  setProblems(problems: FlowProblem[] | null): void;
  setPending(pending: boolean): void;
}

/** The state of the current (or last) run as the engine reported it. */
export const useRunStore = create<RunStoreState>()((set) => ({
  runId: null,
  state: 'idle',
  error: null,
  problems: null,
  pending: false,
  setRunState: (runId, state, error = null) => set({ runId, state, error }),
  setProblems: (problems) => set({ problems }),
  setPending: (pending) => set({ pending }),
}));

/** True while the engine is starting, running or stopping a run. */
export function isRunActive(state: RunState): boolean {
  return state === 'starting' || state === 'running' || state === 'stopping';
}
