import { useMemo, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { NODE_CATALOG } from '@shared/flow/node-catalog';
import type { NodeKind } from '@shared/flow/node-kinds';
import { validateNodeConfig } from '@shared/flow/parse';
import { useShallow } from 'zustand/react/shallow';
import { useCountersStore } from '../run/counters-store';
import { restartNode } from '../run/pause-actions';
import { isRunActive, useRunStore } from '../run/run-store';
import { FaultBadge } from '../faults/FaultBadge';
import { NodeCounters } from './NodeCounters';
import type { SummaryItem } from './node-summary';
import { OverviewTitle } from './OverviewTitle';

interface NodeShellProps {
  id: string;
  kind: NodeKind;
  config: { name: string };
  summary: SummaryItem[];
  /** Handles and kind-specific rows. */
  children?: ReactNode;
}

/**
 * The frame every node shares: icon, name, key values, live counters and status. The frame
 * reads only this node's status and error, so a counter batch re-renders just the counters
 * (and only while they are readable).
 */
export function NodeShell({ id, kind, config, summary, children }: NodeShellProps): ReactElement {
  const info = NODE_CATALOG[kind];
  const counters = useCountersStore(
    useShallow((s) => {
      const c = s.byNode[id];
      return c
        ? { live: true, status: c.status, paused: c.paused, error: c.error, hint: c.hint }
        : { live: false, status: undefined, paused: undefined, error: undefined, hint: undefined };
    }),
  );
  const problems = useMemo(() => {
    const res = validateNodeConfig(kind, config);
    return res.ok ? 0 : Object.keys(res.errors).length;
  }, [kind, config]);
  const runActive = useRunStore((s) => isRunActive(s.state));
  const status = counters?.status;
  // A consumer whose members crashed: the engine says "stopped: reason" and can restart it.
  const restartable = status === 'error' && runActive && Boolean(counters.error?.startsWith('stopped:'));
  const style = { '--fb-node-color': info.color } as CSSProperties;
  return (
    <div className={`fb-node${status ? ` fb-node--${status}` : ''}`} style={style}>
      {/* At overview zoom the text is not drawn: hovering a card still names it. */}
      <OverviewTitle title={`${config.name || id} (${info.label})`} />
      {/* One wrapper that the overview hides: see overview.css. */}
      <div className="fb-node__body">
        <div className="fb-node__header fb-node__grip">
          <span className="fb-node__icon" aria-hidden="true">
            {info.icon}
          </span>
          <div className="fb-node__titles">
            <div className="fb-node__name">{config.name || id}</div>
            <div className="fb-node__kind">{info.label}</div>
          </div>
          {counters.paused && runActive ? (
            <span className="fb-status fb-status--paused" data-testid="node-status">
              paused
            </span>
          ) : (
            status &&
            status !== 'idle' && (
              <span className={`fb-status fb-status--${status}`} data-testid="node-status">
                {status}
              </span>
            )
          )}
        </div>
        <FaultBadge faults={(config as { faults?: unknown }).faults} className="fb-node__faults" />
        <dl className="fb-node__summary">
          {summary.map((item) => (
            <div key={item.label} className="fb-node__summary-row">
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
        {children}
        {problems > 0 && (
          <div className="fb-node__invalid">
            ⚠ {problems === 1 ? '1 field needs attention' : `${problems} fields need attention`}
          </div>
        )}
        {counters.live && <NodeCounters nodeId={id} />}
        {status === 'error' && (counters?.error || counters?.hint) && (
          <div className="fb-node__error" data-testid="node-error">
            {counters.error && (
              <div className="fb-node__error-text" title={counters.error}>
                {counters.error}
              </div>
            )}
            {counters.hint && (
              <div className="fb-node__hint" title={counters.hint}>
                {counters.hint}
              </div>
            )}
            {restartable && (
              <button type="button" className="fb-node__restart nodrag" onClick={() => void restartNode(id)}>
                ↻ Restart
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
