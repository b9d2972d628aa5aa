import type { FlowEdge } from '@shared/flow/document';
import type { CompiledGatewayRoute } from '../../compiler/compile-gateway';
import { formatTraceparent, TRACEPARENT, type TraceContext } from '../../trace/traceparent';
import { createGrpcClient, type GrpcServiceClient } from '../../transports/grpc/grpc-client';
import { statusText } from '../../transports/grpc/grpc-status';
import type { FlowGraph } from '../graph/flow-graph';
import { callAlongEdge } from '../mesh/call-along-edge';
import { meshOf } from '../mesh/mesh-layer';
import { MeshHttpCaller } from '../mesh/mesh-http';
import { GrpcServiceNode } from '../nodes/grpc-service-node';

/** A request as the gateway forwards it. */
export interface UpstreamRequest {
  method: string;
  /** Path and query string as the client sent them. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The authenticated client, passed on as `x-client-id`. */
  client: string;
}

/** What the service answered, or the gateway's own answer when it could not get one. */
export interface UpstreamReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Set when the call failed (the reply is then the gateway's 502/503/504). */
  error?: string;
}

const FORWARDED = ['content-type', 'accept'];
// gRPC status codes → HTTP, as gRPC-HTTP gateways conventionally map them.
const HTTP_OF_GRPC: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  UNAUTHENTICATED: 401,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};
const RETRIABLE_GRPC = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'INTERNAL', 'UNKNOWN']);

function json(status: number, value: unknown, error?: string): UpstreamReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value)),
    error,
  };
}

function failure(error: string): UpstreamReply {
  const status = /^circuit open/.test(error) ? 503 : /within \d+ ms|timeout/i.test(error) ? 504 : 502;
  return json(status, { error }, error);
}

/**
 * The gateway's calls to the services behind it: REST and GraphQL over HTTP through the
 * mesh sidecar, gRPC by sending the JSON body to the route's unary method (under the edge's
 * policy too). Each call carries the gateway's upstream span as traceparent.
 */
export class GatewayUpstream {
  private readonly http: MeshHttpCaller;
  private readonly grpcClients = new Map<string, GrpcServiceClient>();

  constructor(
    private readonly graph: FlowGraph,
    private readonly gatewayId: string,
    private readonly timeoutMs: number,
  ) {
    this.http = new MeshHttpCaller(graph, gatewayId, timeoutMs);
  }

  async call(route: CompiledGatewayRoute, req: UpstreamRequest, span: TraceContext): Promise<UpstreamReply> {
    const edge = this.graph.outgoing(this.gatewayId).find((e) => e.id === route.edgeId);
    if (!edge) return failure(`the gateway is not connected to "${route.route.target}"`);
    if (route.targetKind === 'grpcService') return this.grpc(route, edge, req, span);
    const headers: Record<string, string> = { 'x-client-id': req.client };
    for (const name of FORWARDED) if (req.headers[name]) headers[name] = req.headers[name];
    const query = req.pathAndQuery.includes('?') ? req.pathAndQuery.slice(req.pathAndQuery.indexOf('?')) : '';
    const outcome = await this.http.call(
      edge,
      {
        method: req.method,
        // GraphQL services answer on their own endpoint; REST paths are forwarded as they came.
        url: (base) =>
          route.targetKind === 'graphqlService'
            ? `${base}${query}`
            : new URL(req.pathAndQuery, base).toString(),
        headers,
        body: req.method === 'GET' || req.method === 'DELETE' ? undefined : req.body,
      },
      span,
    );
    const result = outcome.result;
    if (result)
      return {
        status: result.status,
        headers: result.headers,
        body: result.body,
        error: outcome.ok ? undefined : outcome.error,
      };
    return failure(outcome.ok ? 'no answer' : outcome.error);
  }

  private async grpc(
    route: CompiledGatewayRoute,
    edge: FlowEdge,
    req: UpstreamRequest,
    span: TraceContext,
  ): Promise<UpstreamReply> {
    let request: unknown = {};
    if (req.body.length > 0) {
      try {
        request = JSON.parse(req.body.toString('utf8'));
      } catch (err) {
        return json(400, { error: `request body is not valid JSON: ${(err as Error).message}` });
      }
    }
    const outcome = await callAlongEdge({
      graph: this.graph,
      callerId: this.gatewayId,
      edge,
      parent: span,
      transport: 'grpc',
      timeoutMs: this.timeoutMs,
      attempt: (targetId, timeoutMs, trySpan) =>
        this.grpcClient(route, targetId).call(route.route.grpcMethod, {
          deadlineMs: timeoutMs,
          metadata: { [TRACEPARENT]: formatTraceparent(trySpan), 'x-client-id': req.client },
          request: () => request,
        }),
      failureOf: (r) => (RETRIABLE_GRPC.has(r.codeName) ? statusText(r.code, r.details) : null),
    });
    const result = outcome.value;
    const error = outcome.ok ? undefined : outcome.error;
    if (!result) return failure(error ?? 'no answer');
    if (result.ok) return json(200, result.responses[0] ?? {});
    const text = statusText(result.code, result.details);
    return json(HTTP_OF_GRPC[result.codeName] ?? 502, { error: text, grpcStatus: result.codeName }, text);
  }

  private grpcClient(route: CompiledGatewayRoute, targetId: string): GrpcServiceClient {
    const actor = this.graph.actors.get(targetId);
    const address = actor instanceof GrpcServiceNode ? actor.address : null;
    if (!address || !route.grpc) throw new Error(`gRPC service "${route.route.target}" is not running`);
    let client = this.grpcClients.get(address);
    if (!client) {
      client = createGrpcClient(route.grpc.service, {
        address,
        tls: meshOf(this.graph).grpcClientTls(targetId),
      });
      this.grpcClients.set(address, client);
    }
    return client;
  }

  async close(): Promise<void> {
    for (const c of this.grpcClients.values()) c.close();
    this.grpcClients.clear();
    await this.http.close();
  }
}
