import { useEffect, type ReactElement } from 'react';
import { api } from '../app/api-holder';
import { openReplayDialog } from '../replay/replay-store';
import { MessageDetail } from './MessageDetail';
import { MessageTable } from './MessageTable';
import { onMessagesAdded } from './messages-feed';
import { useMessagesStore } from './messages-store';
import './messages.css';

/** The bottom panel: the current (or last) run's recorded messages and the selected one. */
export function MessagesPanel(): ReactElement {
  const runId = useMessagesStore((s) => s.runId);
  const total = useMessagesStore((s) => s.total);

  useEffect(() => api().on('messages.added', (e) => onMessagesAdded(e.runId, e.total)), []);

  return (
    <section className="fb-msgs" aria-label="Messages">
      <header className="fb-msgs__bar">
        <span className="fb-msgs__meta" data-testid="messages-total">
          {runId
            ? `${total.toLocaleString()} recorded · run ${runId}`
            : 'No run yet: press Run to record messages.'}
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
      </header>
      <div className="fb-msgs__body">
        <MessageTable />
        <MessageDetail />
      </div>
    </section>
  );
}
