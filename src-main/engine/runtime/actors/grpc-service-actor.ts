import * as grpc from '@grpc/grpc-js';
import type { CompiledGrpcService } from '../../compiler/compiled-flow';
import {
  newSpanId,
  newTraceId,
  parseTraceparent,
  TRACEPARENT,
  type TraceContext,
} from '../../trace/traceparent';
import type { RunContext } from '../run-context';

export interface HostedService {
  port: number;
  close(): Promise<void>;
}

/**
 * Hosts a gRPC service node on a free loopback port with grpc-js. Each unary method answers
 * with its response template rendered over the request; the reply is recorded as a respond
 * span, child of the caller's span carried in the traceparent metadata.
 */
export async function hostGrpcService(
  ctx: RunContext,
  svc: CompiledGrpcService,
  /** Called after each successful reply, with the respond span (to publish the outcome on). */
  onResponded?: (trace: TraceContext, body: string) => void,
): Promise<HostedService> {
  const server = new grpc.Server();
  const node = svc.node;
  const impl: grpc.UntypedServiceImplementation = {};
  for (const method of svc.service.methods) {
    if (method.requestStream || method.responseStream) continue;
    impl[method.name] = (
      call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ): void => {
      const started = Date.now();
      const parent = parseTraceparent(String(call.metadata.get(TRACEPARENT)[0] ?? ''));
      const traceId = parent?.traceId ?? newTraceId();
      const spanId = newSpanId();
      ctx.stats.add(node.id, 'received');
      const template = svc.responses.get(method.name);
      const base = {
        runId: ctx.runId,
        traceId,
        spanId,
        parentSpanId: parent?.spanId ?? null,
        nodeId: node.id,
        transport: 'grpc' as const,
        destination: method.path,
      };
      if (!template) {
        ctx.sink.recordEvent({
          ...base,
          kind: 'error',
          ts: started,
          error: `UNIMPLEMENTED: no response template for ${method.name}`,
        });
        ctx.stats.add(node.id, 'errors');
        callback({
          code: grpc.status.UNIMPLEMENTED,
          details: `Flowbench has no response template for ${method.name}`,
        });
        return;
      }
      let body: string;
      let reply: Record<string, unknown>;
      try {
        body = template.render(0, { request: call.request });
        reply = JSON.parse(body) as Record<string, unknown>;
      } catch (err) {
        const error = `response template failed: ${(err as Error).message}`;
        ctx.sink.recordEvent({ ...base, kind: 'error', ts: started, error });
        ctx.stats.add(node.id, 'errors');
        callback({ code: grpc.status.INTERNAL, details: error });
        return;
      }
      const messageId = ctx.sink.recordMessage({
        runId: ctx.runId,
        traceId,
        spanId,
        nodeId: node.id,
        transport: 'grpc',
        destination: method.path,
        ts: started,
        headers: { 'grpc-status': '0' },
        payload: Buffer.from(body),
      });
      ctx.sink.recordEvent({
        ...base,
        kind: 'respond',
        ts: started,
        messageId,
        durationMs: Date.now() - started,
      });
      ctx.stats.add(node.id, 'sent');
      ctx.stats.observe(node.id, Date.now() - started);
      callback(null, reply);
      onResponded?.({ traceId, spanId }, body);
    };
  }
  server.addService(svc.service.definition, impl);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  ctx.stats.setStatus(node.id, 'running');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
