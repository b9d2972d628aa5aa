import type { FlowNode } from '@shared/flow/document';
import type { CompiledGatewayRoute } from '../../compiler/compile-gateway';
import type { TraceContext } from '../../trace/traceparent';
import type { RunContext } from '../run-context';
import type { UpstreamReply } from './gateway-upstream';

/** The counters id of a gateway route (its per-route metrics in `run.counters`). */
export function routeStatsId(gatewayId: string, routeIndex: number): string {
  return `${gatewayId}/routes/${routeIndex}`;
}

const REFUSED = new Set([401, 403, 429]);
const TRANSPORT = { restService: 'http', graphqlService: 'graphql', grpcService: 'grpc' } as const;

/**
 * What a gateway records: each answered request as a respond span (child of the caller's
 * traceparent) with its answer stored, each upstream call as a call span under it, and
 * counters for the node and the route: received, acked (answered 2xx/3xx), nacked (refused:
 * 401, 403, 429), errors (any other failure), latency.
 */
export class GatewayRecorder {
  constructor(
    private readonly ctx: RunContext,
    private readonly node: FlowNode<'apiGateway'>,
  ) {}

  answered(a: {
    span: TraceContext;
    parent: TraceContext | null;
    method: string;
    path: string;
    routeIndex: number | null;
    reply: UpstreamReply;
    startedAt: number;
  }): void {
    const { ctx } = this;
    const durationMs = Date.now() - a.startedAt;
    const destination = `${a.method} ${a.path}`;
    const failed = a.reply.status >= 400;
    if (ctx.tracing) {
      const messageId = ctx.sink.recordMessage({
        runId: ctx.runId,
        ...a.span,
        nodeId: this.node.id,
        transport: 'http',
        destination,
        ts: a.startedAt,
        headers: { ...a.reply.headers, ':status': String(a.reply.status) },
        payload: a.reply.body,
      });
      ctx.sink.recordEvent({
        runId: ctx.runId,
        ...a.span,
        parentSpanId: a.parent?.spanId ?? null,
        nodeId: this.node.id,
        kind: failed ? 'error' : 'respond',
        transport: 'http',
        destination,
        ts: a.startedAt,
        messageId,
        durationMs,
        error: failed ? `HTTP ${a.reply.status}${a.reply.error ? `: ${a.reply.error}` : ''}` : undefined,
      });
    }
    const field = !failed ? 'acked' : REFUSED.has(a.reply.status) ? 'nacked' : 'errors';
    for (const id of a.routeIndex === null
      ? [this.node.id]
      : [this.node.id, routeStatsId(this.node.id, a.routeIndex)]) {
      ctx.stats.add(id, 'received');
      ctx.stats.add(id, field);
      ctx.stats.observe(id, durationMs);
    }
  }

  upstreamCalled(
    span: TraceContext,
    parent: TraceContext,
    route: CompiledGatewayRoute,
    method: string,
    startedAt: number,
    error: string | undefined,
  ): void {
    const { ctx } = this;
    ctx.stats.add(this.node.id, 'sent');
    if (error)
      ctx.log('warning', this.node.id, `route ${route.route.pathPrefix} → "${route.route.target}": ${error}`);
    if (!ctx.tracing) return;
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...span,
      parentSpanId: parent.spanId,
      nodeId: this.node.id,
      kind: error ? 'error' : 'call',
      transport: TRANSPORT[route.targetKind],
      destination:
        route.targetKind === 'grpcService'
          ? `${route.route.target}/${route.route.grpcMethod}`
          : `${method} → ${route.route.target}`,
      ts: startedAt,
      durationMs: Date.now() - startedAt,
      error,
    });
  }
}
