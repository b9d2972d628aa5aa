import { useMemo, type ReactElement } from 'react';
import type { MessageDetail } from '@shared/api/contract';
import { messageAsJson } from './message-copy';
import { byteSize, clockTime } from './message-format';
import { closeCompare } from './messages-feed';
import { diffHeaders, diffLines } from './text-diff';

/** Pretty JSON when it parses, else the text, else base64: what a person compares. */
function comparable(d: MessageDetail): string {
  if (d.payloadText === null) return d.payloadBase64 ?? '';
  try {
    return JSON.stringify(JSON.parse(d.payloadText), null, 2);
  } catch {
    return d.payloadText;
  }
}

/** Two messages side by side: headers with differences marked, and a line diff of the payloads. */
export function MessageCompare({ pair }: { pair: [MessageDetail, MessageDetail] }): ReactElement {
  const [a, b] = pair;
  const lines = useMemo(() => diffLines(comparable(a), comparable(b)), [a, b]);
  const headers = useMemo(() => diffHeaders(a.headers, b.headers), [a, b]);
  const changed = lines.filter((l) => l.kind !== 'same').length;
  const title = (d: MessageDetail): string =>
    `#${d.id} · ${clockTime(d.ts)} · ${d.destination} · ${byteSize(d.size)}`;
  return (
    <div
      className="fb-msgs__detail"
      data-testid="message-compare"
      aria-label="Compare messages"
      role="region"
    >
      <h3 className="fb-msgs__h">
        Compare <span className="fb-msgs__sub">{title(a)}</span> ⇄{' '}
        <span className="fb-msgs__sub">{title(b)}</span>
        <button type="button" className="fb-btn fb-btn--ghost fb-btn--small" onClick={closeCompare}>
          Close
        </button>
      </h3>
      <section aria-label="Header differences">
        <h3 className="fb-msgs__h">Headers</h3>
        <table className="fb-msgs__trace">
          <thead>
            <tr>
              <th>Header</th>
              <th>#{a.id}</th>
              <th>#{b.id}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h) => (
              <tr key={h.name} className={h.changed ? 'fb-cmp__changed' : undefined} data-changed={h.changed}>
                <td className="fb-msgs__mono">{h.name}</td>
                <td className="fb-msgs__mono">{h.left ?? '—'}</td>
                <td className="fb-msgs__mono">{h.right ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="Payload differences">
        <h3 className="fb-msgs__h">
          Payload{' '}
          <span className="fb-msgs__sub">{changed === 0 ? 'identical' : `${changed} lines differ`}</span>
        </h3>
        <div className="fb-cmp__grid fb-msgs__mono" data-testid="payload-diff">
          {lines.map((l, i) => (
            <div key={i} className={`fb-cmp__line fb-cmp__line--${l.kind}`} data-kind={l.kind}>
              <span className="fb-cmp__cell">{l.kind === 'added' ? '' : l.text}</span>
              <span className="fb-cmp__cell">{l.kind === 'removed' ? '' : l.text}</span>
            </div>
          ))}
        </div>
      </section>
      <details>
        <summary className="fb-msgs__sub">Both as JSON</summary>
        <pre className="fb-msgs__payload">{`${messageAsJson(a)}\n\n${messageAsJson(b)}`}</pre>
      </details>
    </div>
  );
}
