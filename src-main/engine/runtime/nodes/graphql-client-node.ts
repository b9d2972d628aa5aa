import type { FlowNode } from '@shared/flow/document';
import type { CompiledGraphqlClient } from '../../compiler/compiled-graphql';
import { formatTraceparent, newSpanId, newTraceId } from '../../trace/traceparent';
import { createGraphqlClient, type GraphqlClient } from '../../transports/graphql/graphql-client';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { callAlongEdge } from '../mesh/call-along-edge';
import { httpUrlOf } from '../mesh/mesh-http';
import { runPacedCalls } from '../paced-calls';
import { GraphqlServiceNode } from './graphql-service-node';

/**
 * Sends its query or mutation to the connected GraphQL service at the client's rate, with the
 * variables rendered per call. Each call is a new trace whose traceparent travels in the HTTP
 * headers; a response with GraphQL errors, or none at all, is recorded as an error.
 */
export class GraphqlClientNode implements NodeActor {
  readonly node: FlowNode<'graphqlClient'>;
  /** One client per service it reaches (a mesh traffic split can send to several). */
  private readonly clients = new Map<string, GraphqlClient>();

  constructor(
    private readonly compiled: CompiledGraphqlClient,
    private readonly graph: FlowGraph,
  ) {
    this.node = compiled.node;
  }

  async run(): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    const target = this.graph.actors.get(this.compiled.targetId);
    const url = target instanceof GraphqlServiceNode ? target.url : null;
    if (!url) {
      ctx.fail([this.node.id], 'graphql', `service "${target?.node.config.name ?? '?'}" is not running`);
      return;
    }
    this.clients.set(url, createGraphqlClient({ url, timeoutMs: c.timeoutMs }));
    ctx.stats.setStatus(this.node.id, 'running');
    try {
      await runPacedCalls(ctx, this.node.id, c, (seq) => this.call(seq));
    } finally {
      await Promise.all([...this.clients.values()].map((client) => client.close()));
      this.clients.clear();
    }
    const s = ctx.stats.get(this.node.id);
    if (s && s.status !== 'error') ctx.stats.setStatus(this.node.id, 'done');
  }

  private clientFor(targetId: string): GraphqlClient {
    const url = httpUrlOf(this.graph, targetId);
    if (!url)
      throw new Error(`service "${this.graph.node(targetId)?.config.name ?? targetId}" is not running`);
    let client = this.clients.get(url);
    if (!client) {
      client = createGraphqlClient({ url, timeoutMs: this.node.config.timeoutMs });
      this.clients.set(url, client);
    }
    return client;
  }

  private async call(seq: number): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    const { operationType, operationName } = this.compiled;
    const span = { traceId: newTraceId(), spanId: newSpanId() };
    const traceparent = formatTraceparent(span);
    const destination = `${operationType}${operationName ? ` ${operationName}` : ''}`;
    const startedAt = Date.now();
    const rendered = this.compiled.variables.render(seq);
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      ...span,
      nodeId: this.node.id,
      transport: 'graphql',
      destination,
      ts: startedAt,
      headers: { traceparent },
      payload: Buffer.from(`{"query":${JSON.stringify(c.query)},"variables":${rendered}}`),
    });
    ctx.stats.add(this.node.id, 'sent');
    let error: string | undefined;
    try {
      const variables = JSON.parse(rendered) as Record<string, unknown>;
      const edge = this.graph.outgoing(this.node.id).find((x) => x.target === this.compiled.targetId);
      if (!edge) throw new Error('not connected to its service');
      // Through the mesh sidecar of the edge (a straight call when no policy governs it).
      const outcome = await callAlongEdge({
        graph: this.graph,
        callerId: this.node.id,
        edge,
        parent: span,
        transport: 'graphql',
        timeoutMs: c.timeoutMs,
        attempt: (targetId, timeoutMs, trySpan) =>
          this.clientFor(targetId).execute({
            query: c.query,
            variables,
            operationName: operationName ?? undefined,
            traceparent: formatTraceparent(trySpan),
            timeoutMs,
          }),
        failureOf: (r) => (r.status >= 500 ? `HTTP ${r.status}` : null),
      });
      const result = outcome.value;
      if (result) {
        ctx.stats.addBytes(this.node.id, 'out', result.bytes.request);
        ctx.stats.addBytes(this.node.id, 'in', result.bytes.response);
      }
      if (!outcome.ok && !result) error = outcome.error;
      else if (result?.errors?.length) error = result.errors.map((e) => e.message).join('; ');
      else if (result && result.status >= 400) error = `HTTP ${result.status}`;
      else if (!outcome.ok) error = outcome.error;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const doneAt = Date.now();
    ctx.stats.observe(this.node.id, doneAt - startedAt);
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...span,
      parentSpanId: null,
      nodeId: this.node.id,
      kind: error ? 'error' : 'call',
      transport: 'graphql',
      destination,
      ts: startedAt,
      messageId,
      durationMs: doneAt - startedAt,
      error,
    });
    if (error) {
      ctx.stats.add(this.node.id, 'errors');
      ctx.log('warning', this.node.id, error);
    } else ctx.stats.add(this.node.id, 'received');
  }
}
