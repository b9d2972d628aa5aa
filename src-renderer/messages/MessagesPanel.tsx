import { useEffect, type ReactElement } from 'react';
import { api } from '../app/api-holder';
import { openReplayDialog } from '../replay/replay-store';
import { BarPopover } from './BarPopover';
import { ExportControl } from './ExportControl';
import { onExportProgress } from './export-feed';
import { FilterBar } from './FilterBar';
import { ImportControl } from './ImportControl';
import { MessageCompare } from './MessageCompare';
import { MessageDetail } from './MessageDetail';
import { MessageTable } from './MessageTable';
import { onMessagesAdded, runQuery, setPaused } from './messages-feed';
import { useMessagesStore } from './messages-store';
import './messages.css';

/**
 * The message browser (bottom panel): every recorded message of a run or of all runs,
 * filtered, searched, opened, compared and exported; it follows a run live unless paused.
 */
export function MessagesPanel(): ReactElement {
  const runId = useMessagesStore((s) => s.runId);
  const total = useMessagesStore((s) => s.total);
  const loaded = useMessagesStore((s) => s.rows.length);
  const more = useMessagesStore((s) => s.cursor !== null);
  const paused = useMessagesStore((s) => s.paused);
  const missed = useMessagesStore((s) => s.missed);
  const queryError = useMessagesStore((s) => s.queryError);
  const compare = useMessagesStore((s) => s.compare);
  const compareCount = useMessagesStore((s) => s.compareIds.length);

  useEffect(() => api().on('messages.added', (e) => onMessagesAdded(e.runId, e.total)), []);
  useEffect(() => api().on('messages.exportProgress', onExportProgress), []);
  // Opening the browser before any run shows whatever is recorded (all runs).
  useEffect(() => {
    if (useMessagesStore.getState().runId === null) void runQuery();
  }, []);

  return (
    <section className="fb-msgs" aria-label="Messages">
      <FilterBar />
      <header className="fb-msgs__bar">
        <span className="fb-msgs__meta" data-testid="messages-total">
          {runId
            ? `${total.toLocaleString()} recorded in run ${runId.slice(0, 8)}`
            : 'No run yet: press Run to record messages.'}
          {' · '}
          <span data-testid="messages-loaded">
            {loaded.toLocaleString()}
            {more ? '+' : ''} matching
          </span>
        </span>
        {runId && (
          <button
            type="button"
            className="fb-btn"
            onClick={() =>
              openReplayDialog({ source: { kind: 'run', runId }, label: `run ${runId.slice(0, 8)}` })
            }
          >
            Replay run…
          </button>
        )}
        {loaded > 0 && (
          <button
            type="button"
            className="fb-btn"
            title="Replay every message the current filter matches"
            onClick={() =>
              openReplayDialog({
                source: { kind: 'filter', filter: useMessagesStore.getState().filter },
                label: 'the messages the filter matches',
              })
            }
          >
            Replay matching…
          </button>
        )}
        {compareCount > 0 && (
          <button
            type="button"
            className="fb-btn"
            onClick={() => {
              const ids = useMessagesStore.getState().compareIds;
              openReplayDialog({
                source: { kind: 'messages', ids },
                label: ids.length === 1 ? `message ${ids[0]}` : `${ids.length} ticked messages`,
              });
            }}
          >
            Replay ticked…
          </button>
        )}
        <button
          type="button"
          className="fb-btn fb-btn--ghost fb-btn--small"
          aria-pressed={paused}
          onClick={() => setPaused(!paused)}
          title="Stop or resume following new messages"
        >
          {paused ? `Resume live${missed > 0 ? ` (${missed.toLocaleString()} new)` : ''}` : 'Pause live'}
        </button>
        {compareCount === 1 && <span className="fb-msgs__meta">Tick one more message to compare.</span>}
        <span className="fb-msgs__io">
          <BarPopover label="Export…" testId="message-export-menu">
            <ExportControl />
          </BarPopover>
          <BarPopover label="Import…" testId="message-import-menu">
            <ImportControl />
          </BarPopover>
        </span>
      </header>
      {queryError && (
        <p role="alert" className="fb-error-text fb-msgs__query-error">
          {queryError}
        </p>
      )}
      <div className="fb-msgs__body">
        <MessageTable />
        {compare ? <MessageCompare pair={compare} /> : <MessageDetail />}
      </div>
    </section>
  );
}
