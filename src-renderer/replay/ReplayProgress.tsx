import type { ReactElement } from 'react';
import type { ReplayRecord } from '@shared/api/replay-requests';
import { api, errorText } from '../app/api-holder';
import { showNotice } from '../app/notice-store';

/** The replay going (or just ended): a progress bar, Cancel, and what was sent. */
export function ReplayProgress({ replay }: { replay: ReplayRecord }): ReactElement {
  const done = replay.sent + replay.failed;
  const cancel = async (): Promise<void> => {
    try {
      await api()['replay.cancel']({ replayId: replay.id });
    } catch (err) {
      showNotice(`Could not cancel: ${errorText(err)}`, { tone: 'error' });
    }
  };
  const summary =
    replay.state === 'running'
      ? `Sending… ${done.toLocaleString()} of ${replay.total.toLocaleString()}`
      : replay.state === 'cancelled'
        ? `Cancelled: ${replay.sent.toLocaleString()} of ${replay.total.toLocaleString()} sent before the cancel, the rest not sent.`
        : replay.state === 'failed'
          ? `Failed: ${replay.sent.toLocaleString()} sent, ${replay.failed.toLocaleString()} refused.`
          : `Done: ${replay.sent.toLocaleString()} sent${replay.failed ? `, ${replay.failed.toLocaleString()} refused` : ''} to ${replay.target}.`;
  return (
    <section aria-label="Replay progress" className="fb-replay__progress" data-state={replay.state}>
      <progress max={Math.max(1, replay.total)} value={done} aria-label="Replayed" />
      <span role="status">{summary}</span>
      {replay.error && <div className="fb-error-text">{replay.error}</div>}
      {replay.state === 'running' && (
        <button type="button" className="fb-btn fb-btn--danger" onClick={() => void cancel()}>
          Cancel
        </button>
      )}
    </section>
  );
}
