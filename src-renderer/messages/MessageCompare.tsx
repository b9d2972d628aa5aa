import { useMemo, type ReactElement } from 'react';
import type { MessageDetail } from '@shared/api/contract';
import { messageAsJson } from './message-copy';
import { byteSize, clockTime } from './message-format';
import { closeCompare } from './messages-feed';
import { diffHeaders, diffLines, sideBySide } from './text-diff';

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
  const rows = useMemo(() => sideBySide(diffLines(comparable(a), comparable(b))), [a, b]);
  const headers = useMemo(() => diffHeaders(a.headers, b.headers), [a, b]);
  const changed = rows.filter((r) => r.changed).length;
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
          {rows.map((r, i) => (
            <div key={i} className={`fb-cmp__line${r.changed ? ' fb-cmp__line--changed' : ''}`}>
              <span className="fb-cmp__cell" data-kind={r.changed && r.left !== null ? 'removed' : undefined}>
                {r.left ?? ''}
              </span>
              <span className="fb-cmp__cell" data-kind={r.changed && r.right !== null ? 'added' : undefined}>
                {r.right ?? ''}
              </span>
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
