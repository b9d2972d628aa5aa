import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { traceToSequence } from '@shared/trace/trace-sequence';
import { buildWaterfall } from '@shared/trace/trace-waterfall';
import { useNodeNames } from '../canvas/useNodeNames';
import { SequenceDiagram } from './SequenceDiagram';
import { openTrace, parseTraceId, useTraceStore } from './trace-store';
import { TraceWaterfall } from './TraceWaterfall';
import './traces.css';

/**
 * The Trace tab: look a trace up by id, see it as a waterfall or a sequence diagram. Its body
 * exists only while the tab shows, so a hidden tab costs the canvas nothing.
 */
export function TracePanel({ hidden }: { hidden: boolean }): ReactElement {
  if (hidden) return <section className="fb-trace" aria-label="Trace view" hidden />;
  return <TraceBody />;
}

function TraceBody(): ReactElement {
  const { traceId, events, loading, error, view, setView, showOnCanvas, setShowOnCanvas } = useTraceStore();
  const names = useNodeNames();
  const waterfall = useMemo(() => buildWaterfall(events), [events]);
  const sequence = useMemo(
    () => (view === 'sequence' ? traceToSequence(events, (id) => names[id]) : null),
    [events, names, view],
  );
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    const id = parseTraceId(query);
    if (!id) {
      setQueryError('A trace id is 32 hex characters (a traceparent header works too).');
      return;
    }
    setQueryError(null);
    void openTrace(id);
  };
  return (
    <section className="fb-trace" aria-label="Trace view">
      <header className="fb-trace__bar">
        <form onSubmit={onSubmit} className="fb-trace__search" role="search">
          <input
            aria-label="Trace id"
            placeholder="Trace id or traceparent"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            spellCheck={false}
          />
          <button type="submit" className="fb-btn fb-btn--small">
            Look up
          </button>
        </form>
        <div className="fb-trace__views" role="group" aria-label="Trace display">
          <button
            type="button"
            aria-pressed={view === 'waterfall'}
            className="fb-btn fb-btn--small"
            onClick={() => setView('waterfall')}
          >
            Waterfall
          </button>
          <button
            type="button"
            aria-pressed={view === 'sequence'}
            className="fb-btn fb-btn--small"
            onClick={() => setView('sequence')}
          >
            Sequence
          </button>
        </div>
        <label className="fb-trace__toggle">
          <input type="checkbox" checked={showOnCanvas} onChange={(e) => setShowOnCanvas(e.target.checked)} />{' '}
          Path on canvas
        </label>
        <span className="fb-muted fb-trace__meta" data-testid="trace-meta">
          {traceId
            ? `${waterfall.spanCount} spans · ${waterfall.rows.length} rows · trace ${traceId}`
            : 'Open a trace from a message, or look one up by id.'}
        </span>
      </header>
      {queryError && (
        <p role="alert" className="fb-error-text fb-trace__note">
          {queryError}
        </p>
      )}
      {loading && <p className="fb-muted fb-trace__note">Loading…</p>}
      {!loading && error && (
        <p role="alert" className="fb-error-text fb-trace__note">
          {error}
        </p>
      )}
      {!loading && !error && traceId && (
        <div className="fb-trace__body">
          {view === 'waterfall' || !sequence ? (
            <TraceWaterfall waterfall={waterfall} names={names} />
          ) : (
            <SequenceDiagram model={sequence} />
          )}
        </div>
      )}
    </section>
  );
}
