import type { FlowNode } from '@shared/flow/document';
import { readPath, type MessagePath } from '@shared/flow/expressions/json-path';
import type { CompiledGraphqlBinding, CompiledGraphqlService } from '../../compiler/compiled-graphql';
import type { CompiledTemplate } from '../../template/payload-template';
import { formatTraceparent, newSpanId, TRACEPARENT, type TraceContext } from '../../trace/traceparent';
import type { FieldResolver, GraphqlRequestContext } from '../../transports/graphql/bind-resolvers';
import { createGrpcClient, type GrpcServiceClient } from '../../transports/grpc/grpc-client';
import type { RestClient } from '../../transports/http/rest-client';
import type { FlowGraph } from '../graph/flow-graph';
import { isChannel } from '../graph/node-actor';
import { GrpcServiceNode } from './grpc-service-node';
import { RestServiceNode } from './rest-service-node';

type Publish = Extract<CompiledGraphqlBinding, { kind: 'publish' }>;
type Call = Extract<CompiledGraphqlBinding, { kind: 'call' }>;
type GrpcCall = Extract<CompiledGraphqlBinding, { kind: 'grpc' }>;

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
 * channel (a produce span, child of the operation's span), and a field whose value is the
 * reply of a REST service or a gRPC method (a call span, whose traceparent the callee continues).
 */
export function boundFieldResolvers(
  compiled: CompiledGraphqlService,
  host: BoundFieldHost,
): { resolvers: Record<string, FieldResolver>; close(): void } {
  const resolvers: Record<string, FieldResolver> = {};
  const grpc = new GrpcFieldClients(host);
  for (const b of compiled.bindings) {
    const result = compiled.templates.get(b.field) ?? null;
    if (b.kind === 'publish') resolvers[b.field] = (args, ctx) => publish(host, b, result, args, ctx);
    else if (b.kind === 'call') resolvers[b.field] = (args, ctx, parent) => call(host, b, args, ctx, parent);
    else if (b.kind === 'grpc') resolvers[b.field] = (args, ctx, parent) => grpc.call(b, args, ctx, parent);
  }
  return { resolvers, close: () => grpc.close() };
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
  // Along its one edge, so the edge's and the channel's faults apply as to any publisher.
  if (!(await graph.emitAlong(host.node, [edge], [message])))
    throw new Error(`publishing to "${name}" failed`);
  return parseJson(result ? result.render(seq, scope) : payload);
}

async function call(
  host: BoundFieldHost,
  b: Call,
  args: Record<string, unknown>,
  context: GraphqlRequestContext,
  /** The object the field belongs to (a User for User.orders); {{parent.id}} reads it. */
  parent?: unknown,
): Promise<unknown> {
  const { graph } = host;
  const target = graph.actors.get(b.targetId);
  const base = target instanceof RestServiceNode ? target.url : null;
  if (!base) throw new Error(`REST service "${target?.node.config.name ?? b.targetId}" is not running`);
  const seq = host.nextSeq();
  const scope = { args, field: b.field, context, parent };
  const path = b.path.render(seq, scope);
  const body = b.body && b.method !== 'GET' && b.method !== 'DELETE' ? b.body.render(seq, scope) : undefined;
  const operation = host.spanOf(context);
  const span = { traceId: operation.traceId, spanId: newSpanId() };
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
      timeoutMs: b.timeoutMs,
    });
    // What the service fetched on the client's behalf: whole replies, whatever the query asked for.
    graph.ctx.stats.addBytes(host.node.id, 'out', Buffer.byteLength(body ?? ''));
    graph.ctx.stats.addBytes(host.node.id, 'in', res.body.length);
    if (res.status >= 400) error = `HTTP ${res.status} from ${target?.node.config.name} ${destination}`;
    else value = selected(b.select, parseJson(res.body.toString('utf8')));
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  recordCall(host, span, operation, 'http', destination, startedAt, error);
  return value;
}

/** One channel per gRPC service node the fields call, opened on first use. */
class GrpcFieldClients {
  private readonly clients = new Map<string, GrpcServiceClient>();

  constructor(private readonly host: BoundFieldHost) {}

  async call(
    b: GrpcCall,
    args: Record<string, unknown>,
    context: GraphqlRequestContext,
    parent?: unknown,
  ): Promise<unknown> {
    const target = this.host.graph.actors.get(b.targetId);
    const address = target instanceof GrpcServiceNode ? target.address : null;
    if (!address) throw new Error(`gRPC service "${target?.node.config.name ?? b.targetId}" is not running`);
    let client = this.clients.get(b.targetId);
    if (!client || client.address !== address) {
      const { ctx } = this.host.graph;
      client = createGrpcClient(b.service, { address }, (direction, bytes) =>
        ctx.stats.addBytes(this.host.node.id, direction, bytes),
      );
      this.clients.set(b.targetId, client);
    }
    const scope = { args, field: b.field, context, parent };
    const operation = this.host.spanOf(context);
    const span = { traceId: operation.traceId, spanId: newSpanId() };
    const method = b.service.methods.find((m) => m.name === b.rpc);
    const startedAt = Date.now();
    let error: string | undefined;
    let value: unknown;
    try {
      const rendered = b.request ? b.request.render(this.host.nextSeq(), scope) : JSON.stringify(args);
      const request: unknown = JSON.parse(rendered);
      const result = await client.call(b.rpc, {
        deadlineMs: b.timeoutMs,
        metadata: { [TRACEPARENT]: formatTraceparent(span) },
        request: () => request,
      });
      if (result.ok) value = selected(b.select, result.responses[0]);
      else error = `${result.codeName}: ${result.details}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    recordCall(this.host, span, operation, 'grpc', method?.path ?? b.rpc, startedAt, error);
    return value;
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}

/** A call span of the service node, child of the operation's span; throws the call's error. */
function recordCall(
  host: BoundFieldHost,
  span: TraceContext,
  parent: TraceContext,
  transport: 'http' | 'grpc',
  destination: string,
  startedAt: number,
  error: string | undefined,
): void {
  const { ctx } = host.graph;
  const doneAt = Date.now();
  ctx.sink.recordEvent({
    runId: ctx.runId,
    ...span,
    parentSpanId: parent.spanId,
    nodeId: host.node.id,
    kind: error ? 'error' : 'call',
    transport,
    destination,
    ts: startedAt,
    durationMs: doneAt - startedAt,
    error,
  });
  if (error) throw new Error(error);
}

/** The part of a reply a binding selects (`$.items`), or the whole reply. */
function selected(path: MessagePath | undefined, reply: unknown): unknown {
  return path ? readPath(path, { headers: {}, json: () => reply }) : reply;
}

/** A reply or template as a field value: JSON when it parses, else the text (for scalar fields). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
