import type { FlowNode } from '@shared/flow/document';
import type { CompiledRestClient } from '../../compiler/compiled-flow';
import { formatTraceparent, newSpanId, newTraceId } from '../../trace/traceparent';
import { HttpCallError } from '../../transports/http/http-call-error';
import { createRestClient } from '../../transports/http/rest-client';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { runPacedCalls } from '../paced-calls';
import { RestServiceNode } from './rest-service-node';

/**
 * Calls a REST service of the flow (or any URL) at the client's rate, each call a new trace
 * whose traceparent travels in the HTTP headers. Calls overlap (a slow service does not slow
 * the rate); statuses of 400 and more are recorded as errors.
 */
export class RestClientNode implements NodeActor {
  readonly node: FlowNode<'restClient'>;

  constructor(
    private readonly compiled: CompiledRestClient,
    private readonly graph: FlowGraph,
  ) {
    this.node = compiled.node;
  }

  async run(): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    let baseUrl: string | undefined;
    if (this.compiled.targetId) {
      const target = this.graph.actors.get(this.compiled.targetId);
      const url = target instanceof RestServiceNode ? target.url : null;
      if (!url) {
        ctx.fail([this.node.id], 'http', `service "${target?.node.config.name ?? '?'}" is not running`);
        return;
      }
      baseUrl = url;
    }
    const client = createRestClient({ baseUrl, timeoutMs: c.timeoutMs });
    ctx.stats.setStatus(this.node.id, 'running');
    try {
      await runPacedCalls(ctx, this.node.id, c, (seq) => this.call(client, seq));
    } finally {
      await client.close();
    }
    const s = ctx.stats.get(this.node.id);
    if (s && s.status !== 'error') ctx.stats.setStatus(this.node.id, 'done');
  }

  private async call(client: ReturnType<typeof createRestClient>, seq: number): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    const span = { traceId: newTraceId(), spanId: newSpanId() };
    const traceparent = formatTraceparent(span);
    const url = this.compiled.path.render(seq);
    const headers: Record<string, string> = {};
    for (const [name, t] of this.compiled.headers) headers[name] = t.render(seq);
    const withBody = c.method !== 'GET' && c.method !== 'DELETE';
    const body = withBody && this.compiled.body ? this.compiled.body.render(seq) : undefined;
    const destination = `${c.method} ${url}`;
    const startedAt = Date.now();
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      ...span,
      nodeId: this.node.id,
      transport: 'http',
      destination,
      ts: startedAt,
      headers: { ...headers, traceparent },
      payload: Buffer.from(body ?? ''),
    });
    ctx.stats.add(this.node.id, 'sent');
    let error: string | undefined;
    try {
      const res = await client.call({ method: c.method, url, headers, body, traceparent });
      if (res.status >= 400) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof HttpCallError || err instanceof Error ? err.message : String(err);
    }
    const doneAt = Date.now();
    ctx.stats.observe(this.node.id, doneAt - startedAt);
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...span,
      parentSpanId: null,
      nodeId: this.node.id,
      kind: error ? 'error' : 'call',
      transport: 'http',
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
