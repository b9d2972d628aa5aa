import { memo, useContext, useState, type ReactElement } from 'react';
import type { NodeCounters as Counters } from '@shared/run/counters';
import { useCountersStore } from '../run/counters-store';
import { formatMs, formatRate } from '../run/run-format';
import { shortCount } from './node-summary';
import { NodeSparkline } from './NodeSparkline';
import { useOnScreen } from './useOnScreen';
import { OverviewContext } from './zoom-detail';

/**
 * The live part of a node: its rate sparkline, and when readable (not at overview zoom) its
 * counters, latency and backlog (`data-value` holds the exact number behind the short text).
 * At overview zoom a counter batch renders only the sparklines of a zoomed-out big flow.
 */
export const NodeCounters = memo(function NodeCounters({ nodeId }: { nodeId: string }): ReactElement {
  const detailed = !useContext(OverviewContext);
  return (
    <div className="fb-node__live">
      {detailed && <CounterCells nodeId={nodeId} />}
      <NodeSparkline nodeId={nodeId} />
      {detailed && <Gauges nodeId={nodeId} />}
    </div>
  );
});

/**
 * This node's counters while it is on screen; off screen they keep the values last shown,
 * so a batch re-renders only the nodes a user can see (and sizes do not change).
 */
function useShownCounters(nodeId: string): Counters | undefined {
  const onScreen = useOnScreen(nodeId);
  const live = useCountersStore((s) => (onScreen ? s.byNode[nodeId] : undefined));
  const [shown, setShown] = useState<Counters | undefined>(() => useCountersStore.getState().byNode[nodeId]);
  // Remembering what was shown is derived state: set during render, as React documents.
  if (onScreen && live !== shown) setShown(live);
  return onScreen ? live : shown;
}

/** The node's counts and rate. */
function CounterCells({ nodeId }: { nodeId: string }): ReactElement | null {
  const c = useShownCounters(nodeId);
  if (!c) return null;
  return (
    <dl className="fb-node__counters" aria-label="Live counters">
      <Cell
        field="sent"
        label="out"
        value={c.sent}
        title={`${c.sent} sent · ${c.acked} acked · ${c.nacked} nacked`}
      />
      <Cell field="received" label="in" value={c.received} title={`${c.received} received`} />
      <Cell field="errors" label="errors" value={c.errors} bad={c.errors > 0} />
      <Cell field="rate" label="msg/s" value={c.rate} text={formatRate(c.rate)} />
      {/* The acked count stays readable by tests and tooltips without a cell of its own. */}
      <dd hidden data-testid="counter-acked" data-value={c.acked} />
    </dl>
  );
}

/** Latency quantiles and backlog, each only when the engine reports it for this node. */
function Gauges({ nodeId }: { nodeId: string }): ReactElement | null {
  const c = useShownCounters(nodeId);
  if (!c) return null;
  const gauges = [
    c.p50Ms !== undefined && { field: 'p50', label: 'p50', value: c.p50Ms, text: formatMs(c.p50Ms) },
    c.p99Ms !== undefined && { field: 'p99', label: 'p99', value: c.p99Ms, text: formatMs(c.p99Ms) },
    c.lag !== undefined && { field: 'lag', label: 'lag', value: c.lag, text: shortCount(c.lag) },
    c.depth !== undefined && { field: 'depth', label: 'depth', value: c.depth, text: shortCount(c.depth) },
  ].filter((g) => g !== false);
  if (gauges.length === 0) return null;
  return (
    <dl className="fb-node__gauges" aria-label="Latency and backlog">
      {gauges.map((g) => (
        <div
          key={g.field}
          className={`fb-gauge${(g.field === 'lag' || g.field === 'depth') && g.value > 0 ? ' fb-gauge--backlog' : ''}`}
        >
          <dt>{g.label}</dt>
          <dd data-testid={`counter-${g.field}`} data-value={g.value}>
            {g.text}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Cell({
  field,
  label,
  value,
  text,
  title,
  bad,
}: {
  field: string;
  label: string;
  value: number;
  text?: string;
  title?: string;
  bad?: boolean;
}): ReactElement {
  return (
    <div className={`fb-counter${bad ? ' fb-counter--bad' : ''}`} title={title}>
      <dt className="fb-counter__label">{label}</dt>
      <dd className="fb-counter__value" data-testid={`counter-${field}`} data-value={value}>
        {text ?? shortCount(value)}
      </dd>
    </div>
  );
}
