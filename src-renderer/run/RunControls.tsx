import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { startRun, stopRun } from './run-actions';
import { isRunActive, useRunStore } from './run-store';
import './run.css';

const STATE_LABEL: Record<string, string> = {
  idle: 'Ready',
  starting: 'Starting…',
  running: 'Running',
  stopping: 'Stopping…',
  stopped: 'Stopped',
  failed: 'Failed',
};

/** Run / Stop with the run's state next to it. */
export function RunControls(): ReactElement {
  const { state, pending, error } = useRunStore(
    useShallow((s) => ({ state: s.state, pending: s.pending, error: s.error })),
  );
  const active = isRunActive(state);
  return (
    <div className="fb-run">
      <span
        className={`fb-run__state fb-run__state--${state}`}
        data-testid="run-state"
        data-state={state}
        title={error ?? undefined}
        role="status"
      >
        <span className="fb-run__dot" aria-hidden="true" />
        {STATE_LABEL[state] ?? state}
      </span>
      {active ? (
        <button
          type="button"
          className="fb-btn fb-btn--stop"
          disabled={pending || state === 'stopping'}
          onClick={() => void stopRun()}
        >
          ■ Stop
        </button>
      ) : (
        <button
          type="button"
          className="fb-btn fb-btn--run"
          disabled={pending}
          onClick={() => void startRun()}
        >
          ▶ Run
        </button>
      )}
    </div>
  );
}
