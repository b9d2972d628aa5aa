import type { FlowNode } from '@shared/flow/document';
import type { CompiledRestClient } from '../../compiler/compiled-flow';
import { formatTraceparent, newSpanId, newTraceId } from '../../trace/traceparent';
import { HttpCallError } from '../../transports/http/http-call-error';
import { createRestClient } from '../../transports/http/rest-client';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { runPacedCalls } from '../paced-calls';
import { httpUrlOf, MeshHttpCaller } from '../mesh/mesh-http';

interface RestCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  traceparent: string;
}
type CallOutcome = { ok: true; result: { status: number; body: Buffer } } | { ok: false; error: string };

/** The call's own span, from the traceparent it carries. */
function span(req: RestCall): { traceId: string; spanId: string } {
  const [, traceId, spanId] = req.traceparent.split('-');
  return { traceId, spanId };
}

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
      const url = httpUrlOf(this.graph, this.compiled.targetId);
      if (!url) {
        const name = this.graph.node(this.compiled.targetId)?.config.name ?? '?';
        ctx.fail([this.node.id], 'http', `service "${name}" is not running`);
        return;
      }
      baseUrl = url;
    }
    const client = createRestClient({ baseUrl, timeoutMs: c.timeoutMs });
    // Calls to a node of the flow go through the mesh sidecar (a no-op without a policy).
    const edge = this.graph.outgoing(this.node.id).find((e) => e.target === this.compiled.targetId);
    const mesh = edge ? new MeshHttpCaller(this.graph, this.node.id, c.timeoutMs) : null;
    ctx.stats.setStatus(this.node.id, 'running');
    try {
      await runPacedCalls(ctx, this.node.id, c, (seq) =>
        this.call(seq, (req) =>
          mesh && edge
            ? mesh.call(edge, { ...req, url: (base) => new URL(req.url, base).toString() }, span(req))
            : client.call(req).then((result) => ({ ok: true as const, result })),
        ),
      );
    } finally {
      await client.close();
      await mesh?.close();
    }
    const s = ctx.stats.get(this.node.id);
    if (s && s.status !== 'error') ctx.stats.setStatus(this.node.id, 'done');
  }

  private async call(seq: number, send: (req: RestCall) => Promise<CallOutcome>): Promise<void> {
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
      const outcome = await send({ method: c.method, url, headers, body, traceparent });
      if (outcome.ok) {
        ctx.stats.addBytes(this.node.id, 'out', Buffer.byteLength(body ?? ''));
        ctx.stats.addBytes(this.node.id, 'in', outcome.result.body.length);
      }
      if (!outcome.ok) error = outcome.error;
      else if (outcome.result.status >= 400) error = `HTTP ${outcome.result.status}`;
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
