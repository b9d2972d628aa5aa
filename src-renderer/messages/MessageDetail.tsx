import type { ReactElement } from 'react';
import type { MessageDetail as Detail } from '@shared/api/contract';
import { useNodeNames } from '../canvas/useNodeNames';
import { byteSize, clockTime, payloadView } from './message-format';
import { useMessagesStore } from './messages-store';
import { OpenTraceButton } from '../traces/OpenTraceButton';

/**
 * The selected message: payload, headers and its trace. Everything here came from a
 * broker or a template, so it is rendered as text only.
 */
export function MessageDetail(): ReactElement {
  const selectedId = useMessagesStore((s) => s.selectedId);
  const detail = useMessagesStore((s) => s.detail);
  const error = useMessagesStore((s) => s.detailError);
  if (selectedId === null) {
    return (
      <div className="fb-msgs__detail fb-msgs__empty">
        Select a message to see its payload, headers and trace.
      </div>
    );
  }
  if (error) {
    return (
      <div className="fb-msgs__detail">
        <p role="alert" className="fb-error-text">
          {error}
        </p>
      </div>
    );
  }
  if (!detail) return <div className="fb-msgs__detail fb-msgs__empty">Loading…</div>;
  return <Loaded detail={detail} />;
}

function Loaded({ detail }: { detail: Detail }): ReactElement {
  const names = useNodeNames();
  const payload = payloadView(detail.payloadText, detail.payloadBase64);
  const headers = Object.entries(detail.headers);
  return (
    <div className="fb-msgs__detail">
      {detail.decoded && <Decoded decoded={detail.decoded} />}
      <section aria-label="Payload">
        <h3 className="fb-msgs__h">
          Payload{' '}
          <span className="fb-msgs__sub">{payload.mode === 'base64' ? 'binary, base64' : payload.mode}</span>
          <span className="fb-msgs__sub">{byteSize(detail.size)}</span>
        </h3>
        <pre className="fb-msgs__payload" data-testid="message-payload">
          {payload.mode === 'empty' ? '(empty)' : payload.text}
        </pre>
      </section>
      <section aria-label="Headers">
        <h3 className="fb-msgs__h">Headers</h3>
        {headers.length === 0 ? (
          <p className="fb-muted">None.</p>
        ) : (
          <dl className="fb-msgs__headers">
            {headers.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-label="Trace">
        <h3 className="fb-msgs__h">
          Trace <span className="fb-msgs__mono fb-msgs__sub">{detail.traceId}</span>
          <OpenTraceButton traceId={detail.traceId} />
        </h3>
        <table className="fb-msgs__trace">
          <thead>
            <tr>
              <th>Time</th>
              <th>Event</th>
              <th>Node</th>
              <th>Where</th>
            </tr>
          </thead>
          <tbody>
            {detail.trace.map((ev) => (
              <tr
                key={`${ev.spanId}-${ev.kind}-${ev.ts}`}
                className={ev.kind === 'error' ? 'fb-msgs__trace-error' : undefined}
              >
                <td className="fb-msgs__mono">{clockTime(ev.ts)}</td>
                <td>{ev.kind}</td>
                <td>{names[ev.nodeId] ?? ev.nodeId}</td>
                <td>
                  {ev.destination}
                  {ev.partition !== undefined && ` · p${ev.partition}`}
                  {ev.offset !== undefined && ` @${ev.offset}`}
                  {ev.durationMs !== undefined && ` · ${ev.durationMs.toFixed(1)} ms`}
                  {ev.error && <div className="fb-error-text">{ev.error}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** The payload as people read it: decoded with its contract, or a hex dump of binary. */
function Decoded({ decoded }: { decoded: NonNullable<Detail['decoded']> }): ReactElement {
  const label = decoded.format === 'binary' ? 'hex dump' : `decoded from ${decoded.format}`;
  return (
    <section aria-label="Decoded payload">
      <h3 className="fb-msgs__h">
        Decoded <span className="fb-msgs__sub">{label}</span>
        {decoded.schemaId !== undefined && <span className="fb-msgs__sub">schema id {decoded.schemaId}</span>}
      </h3>
      {decoded.problem && (
        <p role="alert" className="fb-error-text">
          {decoded.problem}
        </p>
      )}
      <pre className="fb-msgs__payload" data-testid="message-decoded">
        {decoded.text}
      </pre>
    </section>
  );
}
