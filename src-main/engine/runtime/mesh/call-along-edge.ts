import type { FlowEdge } from '@shared/flow/document';
import type { Transport } from '@shared/trace/events';
import { newSpanId, type TraceContext } from '../../trace/traceparent';
import type { FlowGraph } from '../graph/flow-graph';
import type { GovernedOutcome } from './edge-governor';
import { meshOf } from './mesh-layer';

/** One call along a call edge, whatever the protocol. */
export interface EdgeCall<T> {
  graph: FlowGraph;
  callerId: string;
  edge: FlowEdge;
  /** The caller's span: each governed try is a child of it. */
  parent: TraceContext;
  transport: Transport;
  /** The caller's own timeout, used when no policy sets one. */
  timeoutMs: number;
  /** Sends one try to `targetId`; `span` is the traceparent to send. */
  attempt: (targetId: string, timeoutMs: number, span: TraceContext) => Promise<T>;
  /** Whether a result counts as a failure the policy retries and the breaker counts. */
  failureOf: (value: T) => string | null;
}

/**
 * The shared sidecar path of every client kind: without a mesh policy on the edge the call
 * goes straight to the edge's target with the caller's span; with one, it goes through the
 * edge's governor (split, breaker, timeout, budgeted retries) and every try is recorded as
 * its own call span, so a trace shows each retry and where the split sent it.
 */
export async function callAlongEdge<T>(call: EdgeCall<T>): Promise<GovernedOutcome<T>> {
  const { graph, edge, parent } = call;
  const governor = meshOf(graph).governor(edge, call.callerId);
  if (!governor) {
    try {
      const value = await call.attempt(edge.target, call.timeoutMs, parent);
      return { ok: true, value, targetId: edge.target, attempts: 1 };
    } catch (err) {
      return { ok: false, error: (err as Error).message, targetId: edge.target, attempts: 1 };
    }
  }
  const policy = governor.policy.config.name;
  return governor.call(async ({ targetId, timeoutMs, attempt }) => {
    const span = { traceId: parent.traceId, spanId: newSpanId() };
    const startedAt = Date.now();
    let error: string | undefined;
    try {
      const value = await call.attempt(targetId, timeoutMs, span);
      error = call.failureOf(value) ?? undefined;
      return value;
    } catch (err) {
      error = (err as Error).message;
      throw err;
    } finally {
      const target = graph.node(targetId)?.config.name ?? targetId;
      recordTry(call, span, startedAt, error, `${policy}: → ${target} (try ${attempt})`);
    }
  }, call.failureOf);
}

function recordTry<T>(
  call: EdgeCall<T>,
  span: TraceContext,
  startedAt: number,
  error: string | undefined,
  destination: string,
): void {
  const { ctx } = call.graph;
  if (!ctx.tracing) return;
  ctx.sink.recordEvent({
    runId: ctx.runId,
    ...span,
    parentSpanId: call.parent.spanId,
    nodeId: call.callerId,
    kind: error ? 'error' : 'call',
    transport: call.transport,
    destination,
    ts: startedAt,
    durationMs: Date.now() - startedAt,
    error,
  });
}
