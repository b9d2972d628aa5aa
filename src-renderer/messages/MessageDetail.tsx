import { useMemo, useState, type ReactElement } from 'react';
import type { MessageDetail as Detail } from '@shared/api/contract';
import { useNodeNames } from '../canvas/useNodeNames';
import { ReplayLinks } from '../replay/ReplayLinks';
import { base64ToBytes, hexDump, HEX_PREVIEW_BYTES } from './hex-dump';
import { JsonTree, parseJsonPayload } from './JsonTree';
import { messageAsJson } from './message-copy';
import { byteSize, clockTime } from './message-format';
import { useMessagesStore } from './messages-store';
import { OpenTraceButton } from '../traces/OpenTraceButton';

/** Raw text shown before "show all" (a 1 MiB payload opens at once; the rest on demand). */
const RAW_PREVIEW_CHARS = 256 * 1024;

type View = 'tree' | 'raw' | 'hex' | 'decoded';

/**
 * The selected message: payload (tree, raw, hex, decoded), metadata, headers and trace.
 * Everything here came from a broker or a template, so it is rendered as text only.
 */
export function MessageDetail(): ReactElement {
  const selectedId = useMessagesStore((s) => s.selectedId);
  const detail = useMessagesStore((s) => s.detail);
  const error = useMessagesStore((s) => s.detailError);
  if (error) {
    return (
      <div className="fb-msgs__detail">
        <p role="alert" className="fb-error-text">
          {error}
        </p>
      </div>
    );
  }
  if (selectedId === null) {
    return (
      <div className="fb-msgs__detail fb-msgs__empty">
        Select a message to see its payload, headers and trace. Tick two to compare them.
      </div>
    );
  }
  if (!detail) return <div className="fb-msgs__detail fb-msgs__empty">Loading…</div>;
  return <MessageView key={detail.id} detail={detail} />;
}

/** One loaded message: payload views, metadata, headers and trace. */
export function MessageView({ detail }: { detail: Detail }): ReactElement {
  const names = useNodeNames();
  const json = useMemo(() => parseJsonPayload(detail.payloadText), [detail.payloadText]);
  const views: View[] = [
    ...(detail.decoded && detail.decoded.format !== 'binary' ? (['decoded'] as const) : []),
    ...(json !== undefined ? (['tree'] as const) : []),
    ...(detail.payloadText !== null ? (['raw'] as const) : []),
    'hex',
  ];
  const [view, setView] = useState<View>(views[0]);
  const [copied, setCopied] = useState<string | null>(null);
  const headers = Object.entries(detail.headers);
  const copy = (): void => {
    navigator.clipboard.writeText(messageAsJson(detail)).then(
      () => setCopied('Copied'),
      (err: unknown) => setCopied(`Copy failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  const label: Record<View, string> = {
    tree: 'Tree',
    raw: 'Raw',
    hex: 'Hex',
    decoded: detail.decoded ? `Decoded (${detail.decoded.format})` : 'Decoded',
  };
  return (
    <div className="fb-msgs__detail" data-testid="message-detail">
      <ReplayLinks key={detail.id} detail={detail} />
      <section aria-label="Payload">
        <h3 className="fb-msgs__h">
          Payload <span className="fb-msgs__sub">{byteSize(detail.size)}</span>
          <span className="fb-msgs__tabs" role="tablist" aria-label="Payload view">
            {views.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                className="fb-btn fb-btn--ghost fb-btn--small"
                onClick={() => setView(v)}
              >
                {label[v]}
              </button>
            ))}
          </span>
          <button type="button" className="fb-btn fb-btn--small" onClick={copy}>
            Copy as JSON
          </button>
          {copied && <span className="fb-msgs__sub">{copied}</span>}
        </h3>
        <PayloadView view={view} detail={detail} json={json} />
      </section>
      <section aria-label="Metadata">
        <h3 className="fb-msgs__h">Metadata</h3>
        <dl className="fb-msgs__headers" data-testid="message-metadata">
          {(
            [
              ['id', String(detail.id)],
              ['time', new Date(detail.ts).toISOString()],
              ['run', detail.runId],
              ['node', `${names[detail.nodeId] ?? detail.nodeId} (${detail.nodeId})`],
              ['transport', detail.transport],
              ['destination', detail.destination],
              ['partition', detail.partition === null ? '—' : String(detail.partition)],
              ['key', detail.key ?? '—'],
              ['size', `${detail.size.toLocaleString()} bytes`],
              ['trace', detail.traceId],
            ] as const
          ).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-label="Headers">
        <h3 className="fb-msgs__h">Headers</h3>
        {headers.length === 0 ? (
          <p className="fb-muted">None.</p>
        ) : (
          <dl className="fb-msgs__headers" data-testid="message-headers">
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

function PayloadView({
  view,
  detail,
  json,
}: {
  view: View;
  detail: Detail;
  json: ReturnType<typeof parseJsonPayload>;
}): ReactElement {
  const [all, setAll] = useState(false);
  if (view === 'tree' && json !== undefined) return <JsonTree value={json} />;
  if (view === 'decoded' && detail.decoded) {
    return (
      <>
        {detail.decoded.problem && (
          <p role="alert" className="fb-error-text">
            {detail.decoded.problem}
          </p>
        )}
        <pre className="fb-msgs__payload" data-testid="message-decoded">
          {detail.decoded.text}
        </pre>
      </>
    );
  }
  if (view === 'hex') {
    const bytes =
      detail.payloadBase64 !== null
        ? base64ToBytes(detail.payloadBase64)
        : new TextEncoder().encode(detail.payloadText ?? '');
    const cut = !all && bytes.length > HEX_PREVIEW_BYTES;
    return (
      <>
        <pre className="fb-msgs__payload fb-msgs__hex" data-testid="message-hex">
          {bytes.length === 0 ? '(empty)' : hexDump(bytes, all ? bytes.length : HEX_PREVIEW_BYTES)}
        </pre>
        {cut && <ShowAll onClick={() => setAll(true)} what={`${byteSize(bytes.length)} as hex`} />}
      </>
    );
  }
  const text = detail.payloadText ?? '';
  const cut = !all && text.length > RAW_PREVIEW_CHARS;
  return (
    <>
      <pre className="fb-msgs__payload" data-testid="message-payload">
        {text === '' ? '(empty)' : cut ? text.slice(0, RAW_PREVIEW_CHARS) : text}
      </pre>
      {cut && (
        <ShowAll onClick={() => setAll(true)} what={`all ${text.length.toLocaleString()} characters`} />
      )}
    </>
  );
}

function ShowAll({ onClick, what }: { onClick: () => void; what: string }): ReactElement {
  return (
    <button type="button" className="fb-btn fb-btn--ghost fb-btn--small" onClick={onClick}>
      Show {what}
    </button>
  );
}
