import { useEffect, useState, type ReactElement } from 'react';
import type { MessageDetail } from '@shared/api/contract';
import type { ReplayLinks as Links } from '@shared/api/replay-requests';
import { api, errorText } from '../app/api-holder';
import { selectMessage } from '../messages/messages-feed';
import { openReplayDialog, useReplayStore } from './replay-store';
import './replay.css';

/**
 * In the message view: "Replay…" for this message, and the links between it and its
 * original ("replay of …") or its replays ("replayed as …"); following one opens that message.
 */
export function ReplayLinks({ detail }: { detail: MessageDetail }): ReactElement {
  const [links, setLinks] = useState<Links | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A replay that just ended may have added a link: read them again then.
  const ended = useReplayStore((s) => (s.current && s.current.state !== 'running' ? s.current.id : null));
  useEffect(() => {
    let live = true;
    const request = api()['replay.links'];
    request({ messageId: detail.id })
      .then((l) => live && setLinks(l))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [detail.id, ended]);
  return (
    <section aria-label="Replay" className="fb-replay-links">
      <button
        type="button"
        className="fb-btn"
        onClick={() =>
          openReplayDialog({
            source: { kind: 'messages', ids: [detail.id] },
            label: `message ${detail.id}`,
            message: detail,
          })
        }
      >
        Replay…
      </button>
      {links?.replayOf && (
        <span>
          Replay of{' '}
          <button
            type="button"
            className="fb-replay-links__link"
            onClick={() => void selectMessage(links.replayOf!.messageId)}
          >
            message {links.replayOf.messageId} ({links.replayOf.destination})
          </button>
        </span>
      )}
      {links && links.replayedAs.length > 0 && (
        <span>
          Replayed as{' '}
          {links.replayedAs.map((l, i) => (
            <span key={l.messageId}>
              {i > 0 && ', '}
              <button
                type="button"
                className="fb-replay-links__link"
                onClick={() => void selectMessage(l.messageId)}
              >
                message {l.messageId} ({l.destination})
              </button>
            </span>
          ))}
        </span>
      )}
      {error && <span className="fb-error-text">{error}</span>}
    </section>
  );
}
