import type { FlowNode } from '@shared/flow/document';
import type { CompiledGrpcService } from '../../compiler/compiled-flow';
import { newSpanId, newTraceId, parseTraceparent, TRACEPARENT } from '../../trace/traceparent';
import { startGrpcServer, type GrpcServerHandle } from '../../transports/grpc/grpc-server';
import { statusText } from '../../transports/grpc/grpc-status';
import type { ServerCallEnd, ServerCallMessage, ServerCallStart } from '../../transports/grpc/server-hooks';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { ServiceOutbox } from './service-outbox';
import { meshOf } from '../mesh/mesh-layer';

/** The respond span of one call being served, until the call ends. */
interface ServedCall {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  startedAt: number;
  /** The first reply's stored payload, which the respond span points at. */
  messageId?: number;
}

/**
 * A gRPC service node hosted on a free loopback port, every method answering per its
 * behaviour (echo, template, stream, delay, fail). Each call is one respond span, child of
 * the caller's traceparent, ending with the call's status; every reply is stored, and a
 * service connected to channels publishes each reply there, continuing the same trace.
 */
export class GrpcServiceNode implements NodeActor {
  readonly node: FlowNode<'grpcService'>;
  private server: GrpcServerHandle | null = null;
  private readonly calls = new Map<number, ServedCall>();
  private readonly outbox: ServiceOutbox;

  constructor(
    private readonly compiled: CompiledGrpcService,
    private readonly graph: FlowGraph,
  ) {
    this.node = compiled.node;
    this.outbox = new ServiceOutbox(graph, compiled.node, compiled.node.config.behaviours, 'grpc');
  }

  /** The loopback address clients of this run call; null until hosted (or when hosting failed). */
  get address(): string | null {
    return this.server?.address ?? null;
  }

  async prepare(): Promise<void> {
    this.server = await startGrpcServer({
      service: this.compiled.service,
      behaviours: this.compiled.behaviours,
      tls: meshOf(this.graph).grpcServerTls(this.node.id),
      hooks: {
        onCallStart: (c) => this.started(c),
        onMessage: (m) => this.message(m),
        onCallEnd: (e) => this.ended(e),
      },
    });
  }

  private started(c: ServerCallStart): void {
    const parent = parseTraceparent(c.metadata[TRACEPARENT] ?? '');
    this.calls.set(c.callId, {
      traceId: parent?.traceId ?? newTraceId(),
      spanId: newSpanId(),
      parentSpanId: parent?.spanId ?? null,
      startedAt: c.startedAt,
    });
  }

  private message(m: ServerCallMessage): void {
    const { ctx } = this.graph;
    if (m.direction === 'in') {
      ctx.stats.add(this.node.id, 'received');
      return;
    }
    const call = this.calls.get(m.callId);
    if (!call) return;
    if (!ctx.tracing && !this.outbox.connected) {
      // Nothing is stored with tracing off: the reply is only counted.
      ctx.stats.add(this.node.id, 'sent');
      return;
    }
    const payload = Buffer.from(JSON.stringify(m.message ?? null));
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      traceId: call.traceId,
      spanId: call.spanId,
      nodeId: this.node.id,
      transport: 'grpc',
      destination: m.method.path,
      ts: m.at,
      headers: { 'grpc-reply-index': String(m.index) },
      payload,
    });
    call.messageId ??= messageId;
    ctx.stats.add(this.node.id, 'sent');
    void this.outbox.publish({ headers: {}, payload, trace: { traceId: call.traceId, spanId: call.spanId } });
  }

  private ended(e: ServerCallEnd): void {
    const { ctx } = this.graph;
    const call = this.calls.get(e.callId);
    if (!call) return;
    this.calls.delete(e.callId);
    const ok = e.code === 0;
    const error = ok ? undefined : statusText(e.code, e.details);
    ctx.sink.recordEvent({
      runId: ctx.runId,
      traceId: call.traceId,
      spanId: call.spanId,
      parentSpanId: call.parentSpanId,
      nodeId: this.node.id,
      kind: ok ? 'respond' : 'error',
      transport: 'grpc',
      destination: e.method.path,
      ts: call.startedAt,
      messageId: call.messageId,
      durationMs: e.durationMs,
      error,
    });
    ctx.stats.observe(this.node.id, e.durationMs);
    if (error) {
      ctx.stats.add(this.node.id, 'errors');
      ctx.log('warning', this.node.id, `${e.method.name}: ${error}`);
    }
  }

  async close(): Promise<void> {
    await this.server?.close();
    await this.outbox.flush();
  }
}
