import type { FlowNode } from '@shared/flow/document';
import type { CompiledGraphqlBinding, CompiledGraphqlService } from '../../compiler/compiled-graphql';
import type { CompiledTemplate } from '../../template/payload-template';
import { formatTraceparent, newSpanId, type TraceContext } from '../../trace/traceparent';
import type { FieldResolver, GraphqlRequestContext } from '../../transports/graphql/bind-resolvers';
import type { RestClient } from '../../transports/http/rest-client';
import type { FlowGraph } from '../graph/flow-graph';
import { isChannel } from '../graph/node-actor';
import { publishInto } from '../graph/publish-into';
import { RestServiceNode } from './rest-service-node';

type Publish = Extract<CompiledGraphqlBinding, { kind: 'publish' }>;
type Call = Extract<CompiledGraphqlBinding, { kind: 'call' }>;

/** What the bound fields need from their service node. */
export interface BoundFieldHost {
  node: FlowNode<'graphqlService'>;
  graph: FlowGraph;
  http: RestClient;
  /** The span of the operation a resolver serves (its respond span, recorded when it ends). */
  spanOf(context: GraphqlRequestContext): TraceContext;
  nextSeq(): number;
}

/**
 * Resolvers for the fields bound on the canvas: a mutation that publishes its message into a
 * channel (a produce span, child of the operation's span), and a field whose value is a REST
 * service's reply (a call span, whose traceparent the REST service continues).
 */
export function boundFieldResolvers(
  compiled: CompiledGraphqlService,
  host: BoundFieldHost,
): Record<string, FieldResolver> {
  const resolvers: Record<string, FieldResolver> = {};
  for (const b of compiled.bindings) {
    const result = compiled.templates.get(b.field) ?? null;
    if (b.kind === 'publish') resolvers[b.field] = (args, ctx) => publish(host, b, result, args, ctx);
    else if (b.kind === 'call') resolvers[b.field] = (args, ctx) => call(host, b, args, ctx);
  }
  return resolvers;
}

async function publish(
  host: BoundFieldHost,
  b: Publish,
  result: CompiledTemplate | null,
  args: Record<string, unknown>,
  context: GraphqlRequestContext,
): Promise<unknown> {
  const { graph } = host;
  const channel = graph.actors.get(b.targetId);
  const edge = graph.flow.edges.find((e) => e.id === b.edgeId);
  const name = channel?.node.config.name ?? b.targetId;
  if (!isChannel(channel) || !edge || channel.failed)
    throw new Error(
      `cannot publish to "${name}": ${isChannel(channel) ? channel.failed : 'it is not running'}`,
    );
  const seq = host.nextSeq();
  const scope = { args, field: b.field, context };
  const payload = b.body ? b.body.render(seq, scope) : JSON.stringify(args);
  const message = {
    key: b.key?.render(seq, scope),
    headers: {},
    payload: Buffer.from(payload),
    trace: host.spanOf(context),
  };
  if (!(await publishInto(graph.ctx, host.node, channel, edge, [message])))
    throw new Error(`publishing to "${name}" failed`);
  return parseJson(result ? result.render(seq, scope) : payload);
}

async function call(
  host: BoundFieldHost,
  b: Call,
  args: Record<string, unknown>,
  context: GraphqlRequestContext,
): Promise<unknown> {
  const { graph } = host;
  const { ctx } = graph;
  const target = graph.actors.get(b.targetId);
  const base = target instanceof RestServiceNode ? target.url : null;
  if (!base) throw new Error(`REST service "${target?.node.config.name ?? b.targetId}" is not running`);
  const seq = host.nextSeq();
  const scope = { args, field: b.field, context };
  const path = b.path.render(seq, scope);
  const body = b.body && b.method !== 'GET' && b.method !== 'DELETE' ? b.body.render(seq, scope) : undefined;
  const parent = host.spanOf(context);
  const span = { traceId: parent.traceId, spanId: newSpanId() };
  const destination = `${b.method} ${path}`;
  const startedAt = Date.now();
  let error: string | undefined;
  let value: unknown;
  try {
    const res = await host.http.call({
      method: b.method,
      url: `${base}${path}`,
      body,
      traceparent: formatTraceparent(span),
    });
    if (res.status >= 400) error = `HTTP ${res.status} from ${target?.node.config.name} ${destination}`;
    else value = parseJson(res.body.toString('utf8'));
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const doneAt = Date.now();
  ctx.sink.recordEvent({
    runId: ctx.runId,
    ...span,
    parentSpanId: parent.spanId,
    nodeId: host.node.id,
    kind: error ? 'error' : 'call',
    transport: 'http',
    destination,
    ts: startedAt,
    durationMs: doneAt - startedAt,
    error,
  });
  if (error) throw new Error(error);
  return value;
}

/** A reply or template as a field value: JSON when it parses, else the text (for scalar fields). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
