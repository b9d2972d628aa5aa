import type { FlowNode } from '@shared/flow/document';
import { CommandRefused } from '../../event-sourcing/command-rules';
import { ConcurrencyError } from '../../event-sourcing/event-streams';
import { parseTraceparent } from '../../trace/traceparent';
import type { RouteReply } from '../../transports/http/rest-server';
import type { FlowGraph } from '../graph/flow-graph';
import { EventStoreNode } from './event-store-node';

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * A REST route on the command side of CQRS: its rendered body is a command, appended to the
 * connected event store named `store` before the route answers. 201 with the event's stream
 * and version; 409 when the expected version is stale; 422 when the store's rules refuse
 * it; 400 when it is not a command.
 */
export async function appendFromRoute(
  graph: FlowGraph,
  service: FlowNode,
  store: string,
  command: string,
  traceparent: string | undefined,
): Promise<Exclude<RouteReply, string | Buffer>> {
  const target = graph
    .outgoing(service.id)
    .map((e) => graph.actors.get(e.target))
    .find((a): a is EventStoreNode => a instanceof EventStoreNode && a.node.config.name === store);
  if (!target) return reply(503, { error: `the event store ${store} is not running` });
  const result = await target.appendFor(service, {
    headers: {},
    payload: Buffer.from(command),
    trace: parseTraceparent(traceparent),
  });
  if (result.ok) {
    const { streamId, version, type } = result.event;
    return reply(201, { streamId, version, type });
  }
  const status =
    result.error instanceof ConcurrencyError ? 409 : result.error instanceof CommandRefused ? 422 : 400;
  return reply(status, { error: result.error.message });
}

function reply(status: number, body: unknown): Exclude<RouteReply, string | Buffer> {
  return { status, headers: JSON_TYPE, body: JSON.stringify(body) };
}
