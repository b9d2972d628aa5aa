import { useEffect, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../app/api-holder';
import { useRunStore } from '../run/run-store';
import { formatMs } from '../run/run-format';
import { loadPlayback } from './playback-store';
import { PlaybackBar } from './PlaybackBar';
import { RetentionForm } from './RetentionForm';
import { RunCompare } from './RunCompare';
import { RunReportView } from './RunReportView';
import {
  cancelDeletion,
  deleteSelected,
  onDeletionProgress,
  refreshRuns,
  toggleRun,
  useRunsStore,
} from './runs-store';
import './runs.css';

/**
 * The History tab: the runs recorded, one run's report, two runs compared, playback, deletes
 * and retention. Its body exists only while the tab shows (playback keeps its own store).
 */
export function RunsPanel({ hidden }: { hidden: boolean }): ReactElement {
  // Subscribed while hidden too, so a deletion finishing elsewhere still updates the list.
  useEffect(() => api().on('runs.deletion', onDeletionProgress), []);
  if (hidden) return <section className="fb-runs" aria-label="Run history" hidden />;
  return <RunsBody />;
}

function RunsBody(): ReactElement {
  const { runs, selected, error, deletion } = useRunsStore(
    useShallow((s) => ({ runs: s.runs, selected: s.selected, error: s.error, deletion: s.deletion })),
  );
  const runState = useRunStore((s) => s.state);
  // Reloaded when the tab shows and whenever a run starts or ends.
  useEffect(() => {
    void refreshRuns();
  }, [runState]);
  const deleting = deletion?.state === 'running';
  const one = selected.length === 1 ? selected[0] : null;
  const two = selected.length === 2 ? (selected as [string, string]) : null;
  const finished = (id: string): boolean => runs.find((r) => r.id === id)?.state !== 'running';
  return (
    <section className="fb-runs" aria-label="Run history">
      <header className="fb-runs__bar">
        <button type="button" className="fb-btn" onClick={() => void refreshRuns()}>
          Refresh
        </button>
        <button
          type="button"
          className="fb-btn"
          disabled={!one || !finished(one)}
          onClick={() => one && void loadPlayback(one)}
        >
          Play back
        </button>
        <button
          type="button"
          className="fb-btn fb-btn--danger"
          disabled={selected.length === 0 || deleting}
          onClick={() => void deleteSelected()}
        >
          Delete {selected.length > 0 ? selected.length : ''}
        </button>
        {deletion && (
          <span role="status" className="fb-runs__progress" data-testid="delete-progress">
            <progress max={deletion.total} value={deletion.done + (deletion.current ?? 0)} />{' '}
            {deletion.deleted} of {deletion.total} deleted,{' '}
            {deletion.state === 'running' ? 'deleting…' : deletion.state}
            {deleting && (
              <button type="button" className="fb-btn" onClick={() => void cancelDeletion()}>
                Cancel
              </button>
            )}
          </span>
        )}
        <RetentionForm />
      </header>
      {error && (
        <p role="alert" className="fb-error-text">
          {error}
        </p>
      )}
      <PlaybackBar />
      <div className="fb-runs__body">
        <div className="fb-runs__list">
          <table className="fb-runs__table" aria-label="Runs recorded">
            <thead>
              <tr>
                <th />
                <th>Started</th>
                <th>Flow</th>
                <th>State</th>
                <th>Duration</th>
                <th>Messages</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr
                  key={r.id}
                  data-testid="run-row"
                  data-run-id={r.id}
                  aria-selected={selected.includes(r.id)}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select run ${r.id}`}
                      checked={selected.includes(r.id)}
                      onChange={() => toggleRun(r.id)}
                    />
                  </td>
                  <td>{new Date(r.startedAt).toLocaleString()}</td>
                  <td>{r.flowName}</td>
                  <td>{r.state}</td>
                  <td>{r.endedAt === null ? '–' : formatMs(r.endedAt - r.startedAt)}</td>
                  <td>{r.messageCount.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {runs.length === 0 && <p className="fb-muted">No runs recorded.</p>}
        </div>
        <div className="fb-runs__detail">
          {one && <RunReportView runId={one} />}
          {two && <RunCompare ids={two} />}
          {selected.length === 0 && (
            <p className="fb-muted">Tick a run to see its report, two to compare them.</p>
          )}
          {selected.length > 2 && <p className="fb-muted">Tick two runs to compare them.</p>}
        </div>
      </div>
    </section>
  );
}
