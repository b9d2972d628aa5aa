import type { FlowNode } from '@shared/flow/document';
import type { CompiledGraphqlClient } from '../../compiler/compiled-graphql';
import { formatTraceparent, newSpanId, newTraceId } from '../../trace/traceparent';
import { createGraphqlClient, type GraphqlClient } from '../../transports/graphql/graphql-client';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { runPacedCalls } from '../paced-calls';
import { GraphqlServiceNode } from './graphql-service-node';

/**
 * Sends its query or mutation to the connected GraphQL service at the client's rate, with the
 * variables rendered per call. Each call is a new trace whose traceparent travels in the HTTP
 * headers; a response with GraphQL errors, or none at all, is recorded as an error.
 */
export class GraphqlClientNode implements NodeActor {
  readonly node: FlowNode<'graphqlClient'>;

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
    const client = createGraphqlClient({ url, timeoutMs: c.timeoutMs });
    ctx.stats.setStatus(this.node.id, 'running');
    try {
      await runPacedCalls(ctx, this.node.id, c, (seq) => this.call(client, seq));
    } finally {
      await client.close();
    }
    const s = ctx.stats.get(this.node.id);
    if (s && s.status !== 'error') ctx.stats.setStatus(this.node.id, 'done');
  }

  private async call(client: GraphqlClient, seq: number): Promise<void> {
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
      const result = await client.execute({
        query: c.query,
        variables,
        operationName: operationName ?? undefined,
        traceparent,
      });
      if (result.errors?.length) error = result.errors.map((e) => e.message).join('; ');
      else if (result.status >= 400) error = `HTTP ${result.status}`;
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
