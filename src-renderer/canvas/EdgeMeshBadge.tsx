import { memo, type ReactElement } from 'react';
import { useCountersStore } from '../run/counters-store';
import { EdgeLabelPortal } from './EdgeLabelPortal';

const STATE_TEXT = { closed: 'closed', open: 'OPEN', 'half-open': 'half-open' } as const;

/**
 * The live state of a call edge governed by a mesh policy while a run goes: the circuit
 * breaker's state (closed, open, half-open) and the edge's calls, errors and retries. The
 * engine counts governed edges under the edge id, so this reads only its own entry.
 */
export const EdgeMeshBadge = memo(function EdgeMeshBadge({
  id,
  x,
  y,
}: {
  id: string;
  x: number;
  y: number;
}): ReactElement | null {
  const c = useCountersStore((s) => s.byNode[id]);
  if (!c || (c.breaker === undefined && c.sent === 0)) return null;
  const title = `calls ${c.sent}, errors ${c.errors}, retries ${c.retries ?? 0}${
    c.p99Ms !== undefined ? `, p99 ${c.p99Ms} ms` : ''
  }`;
  return (
    <EdgeLabelPortal>
      <div
        className={`fb-edge-mesh nodrag nopan${c.breaker ? ` fb-edge-mesh--${c.breaker}` : ''}`}
        data-testid="edge-mesh"
        data-edge-id={id}
        data-breaker={c.breaker ?? ''}
        title={title}
        style={{ transform: `translate(-50%, -160%) translate(${x}px, ${y}px)` }}
      >
        {c.breaker && <span className="fb-edge-mesh__breaker">⏻ {STATE_TEXT[c.breaker]}</span>}
        <span>
          {c.sent} calls · {c.errors} err · {c.retries ?? 0} retries
        </span>
      </div>
    </EdgeLabelPortal>
  );
});
