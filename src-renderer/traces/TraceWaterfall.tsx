import { memo, useMemo, useState, type ReactElement, type UIEvent } from 'react';
import type { Waterfall, WaterfallRow } from '@shared/trace/trace-waterfall';
import { formatMs } from '../run/run-format';

/** Row height in px; rows are absolutely placed so only the visible ones exist in the DOM. */
export const WATERFALL_ROW_PX = 22;
const OVERSCAN = 10;

interface Props {
  waterfall: Waterfall;
  names: Record<string, string>;
  /** The height of the scrolling box before it is measured (tests and first paint). */
  initialHeight?: number;
}

/**
 * Every span of a trace as a bar on a shared time axis, nested under its parent, retries
 * as one row with their attempt count. Virtualized: a 10,000-span trace renders the rows
 * in view only. Span fields are untrusted text and are rendered as text.
 */
export function TraceWaterfall({ waterfall, names, initialHeight = 400 }: Props): ReactElement {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);
  const rows = waterfall.rows;
  const first = Math.max(0, Math.floor(scrollTop / WATERFALL_ROW_PX) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / WATERFALL_ROW_PX) + OVERSCAN);
  const total = Math.max(waterfall.total, 0.001);
  const onScroll = (e: UIEvent<HTMLDivElement>): void => {
    setScrollTop(e.currentTarget.scrollTop);
    setHeight(e.currentTarget.clientHeight || initialHeight);
  };
  const visible = useMemo(() => rows.slice(first, last), [rows, first, last]);
  return (
    <div className="fb-wf" role="table" aria-label="Trace waterfall" aria-rowcount={rows.length}>
      <div className="fb-wf__head" role="row">
        <span role="columnheader">Span</span>
        <span role="columnheader">Node · where</span>
        <span role="columnheader">
          Timeline <span className="fb-muted">{formatMs(waterfall.total)}</span>
        </span>
      </div>
      <div className="fb-wf__scroll" onScroll={onScroll} data-testid="waterfall-scroll">
        <div style={{ height: rows.length * WATERFALL_ROW_PX, position: 'relative' }}>
          {visible.map((row, i) => (
            <SpanRow key={row.key + row.label} row={row} index={first + i} total={total} names={names} />
          ))}
        </div>
      </div>
    </div>
  );
}

const SpanRow = memo(function SpanRow({
  row,
  index,
  total,
  names,
}: {
  row: WaterfallRow;
  index: number;
  total: number;
  names: Record<string, string>;
}): ReactElement {
  const e = row.event;
  const left = (row.start / total) * 100;
  const width = Math.max((row.duration / total) * 100, 0.3);
  const where = [
    e.destination,
    e.partition !== undefined ? `p${e.partition}` : '',
    e.offset ? `@${e.offset}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="row"
      className={`fb-wf__row fb-wf__row--${row.outcome}`}
      style={{ transform: `translateY(${index * WATERFALL_ROW_PX}px)` }}
      data-testid="waterfall-row"
      data-kind={row.label}
      data-attempts={row.attempts}
      title={row.error ?? undefined}
    >
      <span role="cell" className="fb-wf__span" style={{ paddingLeft: 6 + Math.min(row.depth, 30) * 12 }}>
        {row.label}
        {row.attempts > 1 && <span className="fb-wf__badge">×{row.attempts} attempts</span>}
        {row.attempt !== undefined && <span className="fb-muted"> #{row.attempt}</span>}
        {row.outcome === 'dead-lettered' && (
          <span className="fb-wf__badge fb-wf__badge--bad">dead-lettered</span>
        )}
        {e.fault && <span className="fb-wf__badge">injected</span>}
      </span>
      <span role="cell" className="fb-wf__where">
        {names[e.nodeId] ?? e.nodeId}
        <span className="fb-muted"> · {e.transport}</span> {where}
        {row.error && <span className="fb-error-text"> {row.error}</span>}
      </span>
      <span role="cell" className="fb-wf__lane">
        <span className="fb-wf__bar" style={{ left: `${Math.min(left, 99.7)}%`, width: `${width}%` }} />
        <span className="fb-wf__dur">
          +{formatMs(row.start)} · {formatMs(row.duration)}
        </span>
      </span>
    </div>
  );
});
