import type { RouteReply } from '../../transports/http/rest-server';
import type { FlowGraph } from '../graph/flow-graph';
import { ProjectionNode } from './projection-node';

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * A REST route's answer from a read model (the query side of CQRS): the entry under `key`
 * (200, or 404 when the projection has not folded it), or every entry when `key` gives
 * null. The projection's lag travels in a header, so a caller sees how stale the answer is.
 */
export function answerFromReadModel(
  graph: FlowGraph,
  serviceId: string,
  readModel: string,
  key: () => string | null,
): Exclude<RouteReply, string | Buffer> & { headers: Record<string, string> } {
  const projection = graph
    .incoming(serviceId)
    .map((e) => graph.actors.get(e.source))
    .find((a): a is ProjectionNode => a instanceof ProjectionNode && a.node.config.readModel === readModel);
  if (!projection)
    return {
      status: 503,
      headers: JSON_TYPE,
      body: JSON.stringify({ error: `the read model ${readModel} is not running` }),
    };
  const headers = { ...JSON_TYPE, 'x-projection-lag': String(projection.lag) };
  const id = key();
  if (id === null) {
    const items = [...projection.readModel].map(([streamId, state]) => ({ id: streamId, ...state }));
    return { status: 200, headers, body: JSON.stringify({ items, count: items.length }) };
  }
  const state = projection.readModel.get(id);
  if (!state)
    return {
      status: 404,
      headers,
      body: JSON.stringify({ error: `${id} is not in the read model ${readModel}` }),
    };
  return { status: 200, headers, body: JSON.stringify({ id, ...state }) };
}
