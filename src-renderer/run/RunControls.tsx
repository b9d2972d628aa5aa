import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { commandTitle, COMMANDS } from '../app/commands';
import { useCountersStore } from './counters-store';
import { anyPaused, togglePause } from './pause-actions';
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

/** Run / Stop and Pause / Resume with the run's state next to it. */
export function RunControls(): ReactElement {
  const { state, pending, error, pauseRequested } = useRunStore(
    useShallow((s) => ({
      state: s.state,
      pending: s.pending,
      error: s.error,
      pauseRequested: s.pauseRequested,
    })),
  );
  const nodePaused = useCountersStore((s) => anyPaused(s.byNode));
  const active = isRunActive(state);
  const paused = active && (pauseRequested || nodePaused);
  return (
    <div className="fb-run">
      <span
        className={`fb-run__state fb-run__state--${paused && state === 'running' ? 'paused' : state}`}
        data-testid="run-state"
        data-state={state}
        title={error ?? undefined}
        role="status"
      >
        <span className="fb-run__dot" aria-hidden="true" />
        {paused && state === 'running' ? 'Paused' : (STATE_LABEL[state] ?? state)}
      </span>
      {active && (
        <button
          type="button"
          className={`fb-btn fb-btn--pause${paused ? ' fb-btn--paused' : ''}`}
          aria-pressed={paused}
          disabled={state !== 'running'}
          title={commandTitle(COMMANDS.pauseResume)}
          data-testid="pause-resume"
          onClick={() => void togglePause()}
        >
          {paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
      )}
      {active ? (
        <button
          type="button"
          className="fb-btn fb-btn--stop"
          disabled={pending || state === 'stopping'}
          title={commandTitle(COMMANDS.stopRun)}
          onClick={() => void stopRun()}
        >
          ■ Stop
        </button>
      ) : (
        <button
          type="button"
          className="fb-btn fb-btn--run"
          disabled={pending}
          title={commandTitle(COMMANDS.runFlow)}
          onClick={() => void startRun()}
        >
          ▶ Run
        </button>
      )}
    </div>
  );
}
