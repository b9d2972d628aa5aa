import { useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlowStore } from '../canvas/flow-store';
import { CALLING_KINDS, callRows, formatBytes, type CallingNode } from './call-comparison';
import { useCountersStore } from './counters-store';
import { formatMs } from './run-format';
import './calls-panel.css';

/**
 * The calls of every REST, gRPC and GraphQL client side by side, measured live: payload
 * bytes per request and per reply and p50/p99 latency, smallest exchange first. Run the same
 * exchange over two protocols to read the REST vs gRPC (or REST vs GraphQL) difference.
 */
export function CallsPanel({ hidden }: { hidden: boolean }): ReactElement {
  // The table subscribes to the counters only while shown, so a hidden tab costs nothing per batch.
  return (
    <section className="fb-calls" aria-label="Calls compared" hidden={hidden} data-testid="calls-panel">
      {!hidden && <CallsTable />}
    </section>
  );
}

function CallsTable(): ReactElement {
  const nodes = useCallingNodes();
  const byNode = useCountersStore((s) => s.byNode);
  const rows = useMemo(() => callRows(nodes, byNode), [nodes, byNode]);
  if (rows.length === 0)
    return (
      <p className="fb-runp__empty">
        Run a flow with REST, gRPC or GraphQL clients to compare their calls: payload bytes and latency.
      </p>
    );
  return (
    <table className="fb-calls__table">
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Protocol</th>
          <th scope="col">Requests</th>
          <th scope="col">Replies</th>
          <th scope="col">Bytes / request</th>
          <th scope="col">Bytes / reply</th>
          <th scope="col">p50</th>
          <th scope="col">p99</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-node-id={r.id}>
            <th scope="row">{r.name}</th>
            <td>{r.protocol}</td>
            <td>{r.requests}</td>
            <td>{r.replies}</td>
            <td>{formatBytes(r.bytesPerRequest)}</td>
            <td>{formatBytes(r.bytesPerReply)}</td>
            <td>{formatMs(r.p50Ms)}</td>
            <td>{formatMs(r.p99Ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The client nodes of the flow (id, kind, name); re-renders only when one of those changes. */
function useCallingNodes(): CallingNode[] {
  const flat = useFlowStore(
    useShallow((s) =>
      s.nodes
        .filter((n) => (n.type ?? '') in CALLING_KINDS)
        .flatMap((n) => [n.id, n.type ?? '', n.data.config.name]),
    ),
  );
  return useMemo(() => {
    const out: CallingNode[] = [];
    for (let i = 0; i < flat.length; i += 3) out.push({ id: flat[i], kind: flat[i + 1], name: flat[i + 2] });
    return out;
  }, [flat]);
}
