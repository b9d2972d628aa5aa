import * as grpc from '@grpc/grpc-js';
import type { CompiledGrpcClient } from '../../compiler/compiled-flow';
import { formatTraceparent, newSpanId, newTraceId, TRACEPARENT } from '../../trace/traceparent';
import { runPaced } from '../pacing';
import type { RunContext } from '../run-context';

/**
 * Calls one unary method at the client node's rate, each call with a deadline and a
 * traceparent in its metadata. Requests are stored as payloads; failures are recorded with
 * their gRPC status.
 */
export async function runGrpcClient(
  ctx: RunContext,
  client: CompiledGrpcClient,
  address: string,
): Promise<void> {
  const node = client.node;
  const method = client.target.method;
  const stub = new client.target.service.service.Client(address, grpc.credentials.createInsecure());
  const inflight = new Set<Promise<void>>();
  ctx.stats.setStatus(node.id, 'running');
  try {
    await runPaced({
      rate: node.config.rate,
      count: node.config.count,
      maxBatch: 100,
      isStopped: () => ctx.isStopping,
      sleep: ctx.sleep,
      waitWhilePaused: () => ctx.waitWhilePaused(node.id),
      sendBatch: async (firstSeq, n) => {
        for (let i = 0; i < n; i++) {
          const p = call(firstSeq + i).finally(() => inflight.delete(p));
          inflight.add(p);
        }
      },
    });
    await Promise.all(inflight);
  } finally {
    stub.close();
  }
  const c = ctx.stats.get(node.id);
  if (c && c.status !== 'error') ctx.stats.setStatus(node.id, 'done');

  function call(seq: number): Promise<void> {
    const span = { traceId: newTraceId(), spanId: newSpanId() };
    const body = client.request.render(seq);
    const startedAt = Date.now();
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      ...span,
      nodeId: node.id,
      transport: 'grpc',
      destination: method.path,
      ts: startedAt,
      headers: { [TRACEPARENT]: formatTraceparent(span) },
      payload: Buffer.from(body),
    });
    const base = {
      runId: ctx.runId,
      ...span,
      parentSpanId: null,
      nodeId: node.id,
      transport: 'grpc' as const,
      destination: method.path,
      messageId,
    };
    const metadata = new grpc.Metadata();
    metadata.set(TRACEPARENT, formatTraceparent(span));
    ctx.stats.add(node.id, 'sent');
    return new Promise<void>((resolve) => {
      const fn = (stub as unknown as Record<string, (...args: unknown[]) => void>)[method.name];
      fn.call(
        stub,
        JSON.parse(body),
        metadata,
        { deadline: Date.now() + node.config.deadlineMs },
        (err: grpc.ServiceError | null) => {
          const doneAt = Date.now();
          ctx.stats.observe(node.id, doneAt - startedAt);
          if (err) {
            const error = `${grpc.status[err.code] ?? err.code}: ${err.details || err.message}`;
            ctx.sink.recordEvent({
              ...base,
              kind: 'error',
              ts: startedAt,
              durationMs: doneAt - startedAt,
              error,
            });
            ctx.stats.add(node.id, 'errors');
            ctx.fail([node.id], 'grpc', error);
          } else {
            ctx.sink.recordEvent({ ...base, kind: 'call', ts: startedAt, durationMs: doneAt - startedAt });
            ctx.stats.add(node.id, 'received');
          }
          resolve();
        },
      );
    });
  }
}
