import type { BehaviourMessage } from '../../behaviour/behaviour-message';
import { formatTraceparent } from '../../trace/traceparent';
import { createRestClient } from '../../transports/http/rest-client';
import type { FlowGraph } from '../graph/flow-graph';
import { RestServiceNode } from './rest-service-node';

/**
 * An enrich step's call to another node of the flow, by name. A REST service is called on its
 * first route, with `:params` filled from the message's JSON fields of the same name (so
 * `/customers/:customerId` reads `customerId`), the payload as body for POST/PUT/PATCH, and
 * the message's trace in `traceparent`, so the call joins the message's trace.
 */
export async function callNode(
  graph: FlowGraph,
  name: string,
  message: BehaviourMessage,
): Promise<BehaviourMessage> {
  const actor = [...graph.actors.values()].find((a) => a.node.config.name === name);
  if (!(actor instanceof RestServiceNode)) throw new Error(`"${name}" is not a REST service of this flow`);
  const url = actor.url;
  const route = actor.node.config.routes[0];
  if (!url || !route) throw new Error(`"${name}" is not serving`);
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(message.payload.toString('utf8'));
    if (parsed && typeof parsed === 'object') fields = parsed as Record<string, unknown>;
  } catch {
    // A non-JSON payload fills no parameters.
  }
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, p: string) =>
    encodeURIComponent(String(fields[p] ?? '')),
  );
  const withBody = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
  const client = createRestClient({ baseUrl: url, timeoutMs: 10_000 });
  try {
    const res = await client.call({
      method: route.method,
      url: path,
      body: withBody ? message.payload : undefined,
      traceparent: message.trace ? formatTraceparent(message.trace) : undefined,
    });
    if (res.status >= 400) throw new Error(`${route.method} ${path} answered HTTP ${res.status}`);
    return { headers: res.headers, payload: res.body, trace: message.trace };
  } finally {
    await client.close();
  }
}
