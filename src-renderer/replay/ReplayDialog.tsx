import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { ReplayPacing, ReplayPlanInput, ReplayPreview, ReplayTarget } from '@shared/api/replay-requests';
import { targetOptions } from '@shared/replay/target-options';
import { api, errorText } from '../app/api-holder';
import { Dialog } from '../app/Dialog';
import { useFlowStore } from '../canvas/flow-store';
import { useRunStore } from '../run/run-store';
import { ReplayEditor, readable } from './ReplayEditor';
import { ReplayProgress } from './ReplayProgress';
import { closeReplayDialog, onReplayProgress, useReplayStore, type ReplayRequestSpec } from './replay-store';
import './replay.css';

/** Mounted once: shows the Replay dialog when something asked for it. */
export function ReplayDialogHost(): ReactElement | null {
  const open = useReplayStore((s) => s.open);
  useEffect(() => api().on('replay.progress', (e) => onReplayProgress(e.replay)), []);
  return open ? <ReplayDialog spec={open} /> : null;
}

const withoutTrace = (h: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'traceparent'));

function ReplayDialog({ spec }: { spec: ReplayRequestSpec }): ReactElement {
  const nodes = useFlowStore((s) => s.nodes);
  const running = useRunStore((s) => s.state === 'running');
  const options = useMemo(
    () =>
      targetOptions(
        nodes.map((n) => ({
          id: n.id,
          kind: String(n.type),
          config: (n.data?.config ?? {}) as Record<string, unknown>,
        })),
      ),
    [nodes],
  );
  const [targetId, setTargetId] = useState('original');
  const [routingKey, setRoutingKey] = useState('');
  const [path, setPath] = useState<string | null>(null);
  const [pacingMode, setPacingMode] = useState<ReplayPacing['mode']>('fast');
  const [rate, setRate] = useState(100);
  const [speed, setSpeed] = useState(1);
  const m = spec.message;
  const originalPayload = readable(m?.payloadText ?? '');
  const originalHeaders = JSON.stringify(withoutTrace(m?.headers ?? {}), null, 2);
  const [payload, setPayload] = useState(originalPayload);
  const [headers, setHeaders] = useState(originalHeaders);
  const [preview, setPreview] = useState<ReplayPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useReplayStore((s) => s.current);
  const option = options.find((o) => o.id === targetId) ?? options[0];

  let headersError: string | null = null;
  let parsedHeaders: Record<string, string> | undefined;
  try {
    const v: unknown = JSON.parse(headers);
    if (
      !v ||
      typeof v !== 'object' ||
      Array.isArray(v) ||
      Object.values(v).some((x) => typeof x !== 'string')
    )
      throw new Error('expected an object of text values, e.g. {"origin": "shop"}');
    parsedHeaders = v as Record<string, string>;
  } catch (err) {
    headersError = `Headers: ${errorText(err)}`;
  }

  const target = (): ReplayTarget => {
    const t = option.target;
    if (t.kind === 'exchange') return routingKey === '' ? t : { ...t, routingKey };
    if (t.kind === 'http') return { ...t, path: path ?? t.path };
    return t;
  };
  const plan = (): ReplayPlanInput => {
    const pacing: ReplayPacing =
      pacingMode === 'rate'
        ? { mode: 'rate', perSecond: rate }
        : pacingMode === 'recorded'
          ? { mode: 'recorded', speed }
          : { mode: 'fast' };
    const edits =
      m && (payload !== originalPayload || headers !== originalHeaders) && parsedHeaders
        ? [
            {
              messageId: m.id,
              ...(payload !== originalPayload ? { payloadText: payload } : {}),
              ...(headers !== originalHeaders ? { headers: parsedHeaders } : {}),
            },
          ]
        : undefined;
    return { source: spec.source, target: target(), pacing, edits };
  };

  const dryRun = async (): Promise<void> => {
    setError(null);
    try {
      setPreview(await api()['replay.preview']({ plan: plan(), limit: 200 }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const start = async (): Promise<void> => {
    setError(null);
    try {
      const rec = await api()['replay.start']({ plan: plan() });
      useReplayStore.setState({ current: rec });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const going = current?.state === 'running';
  const httpPath = option.target.kind === 'http' ? (path ?? option.target.path) : null;

  return (
    <Dialog
      title={`Replay ${spec.label}`}
      wide
      onCancel={() => !going && closeReplayDialog()}
      actions={
        <>
          <button type="button" className="fb-btn" disabled={going} onClick={closeReplayDialog}>
            Close
          </button>
          <button
            type="button"
            className="fb-btn"
            disabled={going || headersError !== null}
            onClick={() => void dryRun()}
          >
            Dry run
          </button>
          <button
            type="button"
            className="fb-btn fb-btn--primary"
            disabled={going || headersError !== null}
            onClick={() => void start()}
          >
            Replay
          </button>
        </>
      }
    >
      <div className="fb-replay">
        {current && <ReplayProgress replay={current} />}
        <label className="fb-replay__field">
          Send to
          <select
            aria-label="Replay target"
            value={option.id}
            onChange={(e) => {
              setTargetId(e.target.value);
              setPath(null);
              setPreview(null);
            }}
          >
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
                {o.needsRun && !running ? ' (needs the run)' : ''}
              </option>
            ))}
          </select>
        </label>
        {option.target.kind === 'exchange' && (
          <label className="fb-replay__field">
            Routing key (empty: each message&apos;s key)
            <input
              aria-label="Routing key"
              value={routingKey}
              onChange={(e) => setRoutingKey(e.target.value)}
            />
          </label>
        )}
        {httpPath !== null && (
          <label className="fb-replay__field">
            Path (fill in route parameters)
            <input aria-label="HTTP path" value={httpPath} onChange={(e) => setPath(e.target.value)} />
          </label>
        )}
        <fieldset className="fb-replay__pacing">
          <legend>Pacing</legend>
          {(['fast', 'rate', 'recorded'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="replay-pacing"
                checked={pacingMode === mode}
                onChange={() => setPacingMode(mode)}
              />
              {mode === 'fast' ? 'As fast as possible' : mode === 'rate' ? 'Fixed rate' : 'As recorded'}
            </label>
          ))}
          {pacingMode === 'rate' && (
            <input
              aria-label="Messages per second"
              type="number"
              min={1}
              value={rate}
              onChange={(e) => setRate(Math.max(1, Number(e.target.value) || 1))}
            />
          )}
          {pacingMode === 'recorded' && (
            <input
              aria-label="Speed-up"
              type="number"
              min={0.1}
              step={0.5}
              value={speed}
              onChange={(e) => setSpeed(Math.max(0.1, Number(e.target.value) || 1))}
            />
          )}
        </fieldset>
        {m && (
          <ReplayEditor
            originalPayload={originalPayload}
            originalHeaders={originalHeaders}
            payload={payload}
            headers={headers}
            headersError={headersError}
            onPayload={setPayload}
            onHeaders={setHeaders}
          />
        )}
        {error && (
          <p role="alert" className="fb-error-text">
            {error}
          </p>
        )}
        {preview && <PreviewList preview={preview} />}
      </div>
    </Dialog>
  );
}

function PreviewList({ preview }: { preview: ReplayPreview }): ReactElement {
  return (
    <section aria-label="Dry run">
      <h4 className="fb-replay__h">
        Dry run: {preview.total.toLocaleString()} message{preview.total === 1 ? '' : 's'} would be sent
        {preview.items.length < preview.total ? ` (first ${preview.items.length} shown)` : ''}; nothing was
        sent.
      </h4>
      <ol className="fb-replay__preview">
        {preview.items.map((it) => (
          <li key={it.originalId}>
            <span className="fb-replay__mono">#{it.originalId}</span> → {it.target}
            {it.key !== null && <span className="fb-replay__mono"> key {it.key}</span>}
            {it.edited && <strong> edited</strong>}
            <div className="fb-replay__mono fb-replay__payload">
              {it.payloadText ?? `(${it.size} bytes, binary)`}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
