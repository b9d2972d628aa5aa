import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlowStore } from '../canvas/flow-store';
import { useCountersStore } from '../run/counters-store';

/**
 * Per-route metrics of an API gateway while (and after) a run: the engine counts each route
 * under `<gateway id>/routes/<index>`. Refused means 401, 403 or 429.
 */
export function GatewayRouteMetrics({ id }: { id: string }): ReactElement | null {
  const prefixes = useFlowStore(
    useShallow((s) => {
      const node = s.nodes.find((n) => n.id === id);
      if (node?.type !== 'apiGateway') return [];
      const routes = (node.data.config as { routes?: Array<{ pathPrefix?: string }> }).routes ?? [];
      return routes.map((r) => r.pathPrefix ?? '?');
    }),
  );
  const rows = useCountersStore(useShallow((s) => prefixes.map((_, i) => s.byNode[`${id}/routes/${i}`])));
  if (prefixes.length === 0 || rows.every((r) => r === undefined)) return null;
  return (
    <section className="fb-inspector__routes" aria-label="Route metrics">
      <strong>Routes in this run</strong>
      <table data-testid="gateway-route-metrics">
        <thead>
          <tr>
            <th>Route</th>
            <th>Requests</th>
            <th>OK</th>
            <th>Refused</th>
            <th>Errors</th>
            <th>p50 / p99 ms</th>
          </tr>
        </thead>
        <tbody>
          {prefixes.map((prefix, i) => {
            const c = rows[i];
            return (
              <tr key={`${i}-${prefix}`}>
                <td>{prefix}</td>
                <td>{c?.received ?? 0}</td>
                <td>{c?.acked ?? 0}</td>
                <td>{c?.nacked ?? 0}</td>
                <td>{c?.errors ?? 0}</td>
                <td>{c?.p50Ms !== undefined ? `${c.p50Ms} / ${c.p99Ms ?? '–'}` : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
