import { setMaxListeners } from 'node:events';
import type { FlowNode } from '@shared/flow/document';
import type { CompiledGrpcClient } from '../../compiler/compiled-flow';
import { formatTraceparent, newSpanId, newTraceId, TRACEPARENT } from '../../trace/traceparent';
import {
  createGrpcClient,
  type GrpcCallResult,
  type GrpcServiceClient,
  type GrpcTarget,
} from '../../transports/grpc/grpc-client';
import { statusText } from '../../transports/grpc/grpc-status';
import { methodKind } from '../../transports/grpc/method-kind';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { callAlongEdge } from '../mesh/call-along-edge';
import { meshOf } from '../mesh/mesh-layer';
import { runPacedCalls } from '../paced-calls';
import { GrpcServiceNode } from './grpc-service-node';

const STOP_POLL_MS = 1000;
/** On Stop, calls about to finish (a unary reply on its way) get this long before they are cancelled. */
const STOP_GRACE_MS = 500;

/**
 * Calls one method (any of the four kinds) at the client's rate: each call a new trace whose
 * traceparent travels in the metadata, with the node's deadline and metadata; streamed
 * requests go out `streamItems` at a time at `streamIntervalMs`. Every request is stored,
 * and the replies too when the service is outside the flow (a service of the flow stores
 * its own). Calls overlap; Stop cancels the ones still in flight after a short grace.
 */
export class GrpcClientNode implements NodeActor {
  readonly node: FlowNode<'grpcClient'>;
  private readonly abort = new AbortController();
  /** Clients by service node id besides the main one (a mesh traffic split can send to several). */
  private readonly clients = new Map<string, GrpcServiceClient>();

  constructor(
    private readonly compiled: CompiledGrpcClient,
    private readonly graph: FlowGraph,
  ) {
    this.node = compiled.node;
    // Every call in flight listens for Stop on this one signal; many overlapping calls are normal.
    setMaxListeners(0, this.abort.signal);
  }

  async run(): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    const target = this.target();
    if (!target) return;
    const client = createGrpcClient(this.compiled.target.service, target, (direction, bytes) =>
      ctx.stats.addBytes(this.node.id, direction, bytes),
    );
    const inflight = new Set<Promise<void>>();
    let finished = false;
    // Stop wakes every ctx.sleep at once; calls still going a moment later are cancelled.
    // Not awaited when the calls end by themselves: it goes at the next poll (or Stop).
    const watcher = (async () => {
      while (!finished && !ctx.isStopping) await ctx.sleep(STOP_POLL_MS);
      if (finished) return;
      await settledWithin(inflight, STOP_GRACE_MS);
      this.abort.abort();
    })();
    ctx.stats.setStatus(this.node.id, 'running');
    try {
      await runPacedCalls(ctx, this.node.id, c, (seq) => this.call(client, seq), inflight);
    } finally {
      finished = true;
      client.close();
      for (const other of this.clients.values()) other.close();
      this.clients.clear();
    }
    void watcher;
    const s = ctx.stats.get(this.node.id);
    if (s && s.status !== 'error' && !ctx.isStopping) ctx.stats.setStatus(this.node.id, 'done');
  }

  async close(): Promise<void> {
    this.abort.abort();
  }

  /** A client for another service node of the flow (a split target); throws when it does not run. */
  private clientFor(targetId: string): GrpcServiceClient {
    let client = this.clients.get(targetId);
    if (!client) {
      const actor = this.graph.actors.get(targetId);
      const address = actor instanceof GrpcServiceNode ? actor.address : null;
      if (!address) throw new Error(`service "${actor?.node.config.name ?? targetId}" is not running`);
      const tls = meshOf(this.graph).grpcClientTls(targetId);
      client = createGrpcClient(this.compiled.target.service, { address, tls }, (direction, bytes) =>
        this.graph.ctx.stats.addBytes(this.node.id, direction, bytes),
      );
      this.clients.set(targetId, client);
    }
    return client;
  }

  /** The service node's loopback address, or the external target; null (node marked) when neither runs. */
  private target(): GrpcTarget | null {
    const t = this.compiled.target;
    // An outside service without TLS settings of its own uses the environment's gRPC TLS.
    if (t.external) return t.external.tls ? t.external : { ...t.external, tls: this.graph.ctx.grpcTls };
    const actor = t.serviceNodeId ? this.graph.actors.get(t.serviceNodeId) : undefined;
    const address = actor instanceof GrpcServiceNode ? actor.address : null;
    if (!address) {
      const name = actor?.node.config.name ?? t.serviceNodeId ?? '?';
      this.graph.ctx.fail([this.node.id], 'grpc', `service "${name}" is not running`);
      return null;
    }
    return { address, tls: meshOf(this.graph).grpcClientTls(t.serviceNodeId ?? '') };
  }

  private async call(client: GrpcServiceClient, seq: number): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    const { method, external } = this.compiled.target;
    const streamsRequests = method.requestStream;
    const span = { traceId: newTraceId(), spanId: newSpanId() };
    const metadata: Record<string, string> = {};
    for (const [name, t] of this.compiled.metadata) metadata[name] = t.render(seq);
    if (ctx.tracing) metadata[TRACEPARENT] = formatTraceparent(span);
    const startedAt = Date.now();
    let firstMessageId: number | undefined;
    const store = (message: unknown, at: number, headers: Record<string, string>): number =>
      ctx.sink.recordMessage({
        runId: ctx.runId,
        ...span,
        nodeId: this.node.id,
        transport: 'grpc',
        destination: method.path,
        ts: at,
        headers,
        payload: Buffer.from(JSON.stringify(message ?? null)),
      });

    let result: GrpcCallResult | undefined;
    let failure: string | undefined;
    try {
      const send = (
        target: GrpcServiceClient,
        deadlineMs: number,
        meta: Record<string, string>,
      ): Promise<GrpcCallResult> =>
        target.call(method.name, {
          deadlineMs,
          metadata: meta,
          request: (item) => JSON.parse(this.compiled.request.render(seq, { item })) as unknown,
          count: streamsRequests ? c.streamItems : 1,
          intervalMs: streamsRequests ? c.streamIntervalMs : 0,
          signal: this.abort.signal,
          onMessage: (m) => {
            if (m.direction === 'out') {
              if (ctx.tracing) {
                const id = store(m.message, m.at, { ...metadata, 'grpc-request-index': String(m.index) });
                firstMessageId ??= id;
              }
              ctx.stats.add(this.node.id, 'sent');
            } else {
              if (external && ctx.tracing) store(m.message, m.at, { 'grpc-reply-index': String(m.index) });
              ctx.stats.add(this.node.id, 'received');
            }
          },
        });
      const edge = this.compiled.target.serviceNodeId
        ? this.graph.outgoing(this.node.id).find((e) => e.target === this.compiled.target.serviceNodeId)
        : undefined;
      if (!edge) result = await send(client, c.deadlineMs, metadata);
      else {
        // A service of the flow: through the mesh sidecar of the edge (straight without a policy).
        const outcome = await callAlongEdge({
          graph: this.graph,
          callerId: this.node.id,
          edge,
          parent: span,
          transport: 'grpc',
          timeoutMs: c.deadlineMs,
          attempt: (targetId, deadlineMs, trySpan) =>
            send(
              targetId === edge.target ? client : this.clientFor(targetId),
              deadlineMs,
              ctx.tracing ? { ...metadata, [TRACEPARENT]: formatTraceparent(trySpan) } : metadata,
            ),
          failureOf: (r) => (RETRIABLE.has(r.codeName) ? statusText(r.code, r.details) : null),
        });
        result = outcome.value;
        if (!outcome.ok && !result) throw new Error(outcome.error);
      }
    } catch (err) {
      failure = `request could not be sent: ${(err as Error).message}`;
    }
    const durationMs = Date.now() - startedAt;
    if (result && !result.ok) failure = statusText(result.code, result.details);
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...span,
      parentSpanId: null,
      nodeId: this.node.id,
      kind: failure ? 'error' : 'call',
      transport: 'grpc',
      destination: method.path,
      ts: startedAt,
      messageId: firstMessageId,
      durationMs,
      error: failure,
    });
    ctx.stats.observe(this.node.id, durationMs);
    if (!failure) return;
    // Calls Stop cancelled are recorded, but they are not the service's errors.
    if (this.abort.signal.aborted && result?.codeName === 'CANCELLED') return;
    ctx.stats.add(this.node.id, 'errors');
    ctx.log('warning', this.node.id, `${method.name} (${methodKind(method)}): ${failure}`);
  }
}

/** Statuses a mesh policy retries and its breaker counts. */
const RETRIABLE = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'INTERNAL', 'UNKNOWN']);

/** Resolves when every call in `calls` has settled, or after `ms`, whichever comes first. */
async function settledWithin(calls: Set<Promise<void>>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([Promise.allSettled([...calls]), timeout]);
  clearTimeout(timer);
}
