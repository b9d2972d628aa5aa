import { useRef, type ReactElement } from 'react';
import type { LatencyBuckets } from '@shared/run/counters';
import { api } from '../app/api-holder';
import { useNodeCounters } from './counters-store';
import { formatMs } from './run-format';
import { useRunPolling } from './useRunPolling';
import { useBoxSize } from './useBoxSize';

/** How often the histogram is fetched again while the run goes. */
const REFRESH_MS = 2000;
/** Room under the bars for the latency labels. */
const AXIS = 16;

/**
 * A node's latency distribution as bars on a logarithmic latency axis (each bar one
 * bucket), with the node's p50 and p99 marked; fetched from the engine while the run goes.
 */
export function LatencyHistogram({ nodeId }: { nodeId: string | null }): ReactElement {
  const histogram = useHistogram(nodeId);
  const counters = useNodeCounters(nodeId ?? '');
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useBoxSize(boxRef);
  let body: ReactElement;
  if (!nodeId) body = <p className="fb-runp__empty">Select a node to see how its latency is spread.</p>;
  else if (!histogram || histogram.count === 0)
    body = <p className="fb-runp__empty">No latencies recorded for this node yet.</p>;
  else if (size.width < 40 || size.height < 40) body = <></>;
  else body = <Bars histogram={histogram} p50Ms={counters?.p50Ms} p99Ms={counters?.p99Ms} size={size} />;
  return (
    <div ref={boxRef} className="fb-histo-box">
      {body}
    </div>
  );
}

function Bars({
  histogram,
  p50Ms,
  p99Ms,
  size,
}: {
  histogram: LatencyBuckets;
  p50Ms?: number;
  p99Ms?: number;
  size: { width: number; height: number };
}): ReactElement {
  const W = size.width;
  const H = size.height - AXIS;
  const bars = histogram.buckets;
  const max = Math.max(...bars.map((b) => b.count));
  const slot = W / bars.length;
  const gap = Math.min(2, slot * 0.2);
  const markerX = (ms: number | undefined): number | null => {
    if (ms === undefined) return null;
    const i = bars.findIndex((b) => b.le >= ms);
    return i < 0 ? null : i * slot + slot / 2;
  };
  const p50 = markerX(p50Ms);
  const p99 = markerX(p99Ms);
  const ticks = [0, Math.floor((bars.length - 1) / 2), bars.length - 1].filter(
    (v, i, a) => a.indexOf(v) === i,
  );
  return (
    <svg
      className="fb-histo"
      width={W}
      height={H + AXIS}
      role="img"
      aria-label={`Latency histogram: ${histogram.count} observations`}
      data-testid="latency-histogram"
    >
      {bars.map((b, i) => {
        const h = Math.max(1, (b.count / max) * (H - 4));
        return (
          <rect
            key={b.le}
            className="fb-histo__bar"
            data-testid="histogram-bar"
            x={i * slot + gap / 2}
            y={H - h}
            width={Math.max(1, slot - gap)}
            height={h}
          >
            <title>{`≤ ${formatMs(b.le)}: ${b.count.toLocaleString()}`}</title>
          </rect>
        );
      })}
      <line className="fb-histo__axis" x1={0} x2={W} y1={H + 0.5} y2={H + 0.5} />
      {p50 !== null && <Marker x={p50} h={H} w={W} top={10} label="p50" className="fb-histo__marker" />}
      {p99 !== null && (
        <Marker x={p99} h={H} w={W} top={22} label="p99" className="fb-histo__marker fb-histo__marker--p99" />
      )}
      {ticks.map((i) => (
        <text
          key={i}
          className="fb-histo__tick"
          x={i * slot + slot / 2}
          y={H + AXIS - 3}
          textAnchor={i === 0 ? 'start' : i === bars.length - 1 ? 'end' : 'middle'}
        >
          {formatMs(bars[i].le)}
        </text>
      ))}
    </svg>
  );
}

function Marker({
  x,
  h,
  w,
  top,
  label,
  className,
}: {
  x: number;
  h: number;
  w: number;
  top: number;
  label: string;
  className: string;
}): ReactElement {
  // A label near the right edge goes on the left of its line, so it stays inside.
  const left = x > w - 28;
  return (
    <g className={className}>
      <line x1={x} x2={x} y1={top - 8} y2={h} />
      <text x={left ? x - 3 : x + 3} y={top} textAnchor={left ? 'end' : 'start'}>
        {label}
      </text>
    </g>
  );
}

/** The node's histogram, fetched now and every two seconds while a run goes. */
function useHistogram(nodeId: string | null): LatencyBuckets | null {
  const histogram = useRunPolling(nodeId, () => api()['run.histogram']({ nodeId: nodeId ?? '' }), REFRESH_MS);
  return histogram && histogram.nodeId === nodeId ? histogram : null;
}
