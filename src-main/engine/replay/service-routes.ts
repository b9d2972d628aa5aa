import type { LoadedService } from '../transports/grpc/load-proto';
import { createGrpcClient, type GrpcServiceClient } from '../transports/grpc/grpc-client';
import { errorText, type ReplayOutcome, type ReplayRoute } from './replay-route';

const CALL_TIMEOUT_MS = 10_000;
/** Headers a replayed HTTP request must not carry over: fetch sets them for the new body. */
const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

/** An HTTP route: every message of a batch is one request, sent in parallel. */
export function httpRoute(
  to: { method: string; path: string; baseUrl: string },
  nodeId: string,
): ReplayRoute {
  const url = new URL(to.path, to.baseUrl).toString();
  const destination = `${to.method} ${to.path}`;
  return {
    key: `http:${to.method}:${url}`,
    transport: 'http',
    destination,
    label: `http ${to.method} ${url}`,
    nodeId,
    kind: 'call',
    send(items, headersOf) {
      return Promise.all(
        items.map(async (it, i): Promise<ReplayOutcome> => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(headersOf(i)))
            if (!HOP_HEADERS.has(k.toLowerCase())) headers[k] = v;
          headers['content-type'] ??= 'application/json';
          try {
            const res = await fetch(url, {
              method: to.method,
              headers,
              body: to.method === 'GET' ? undefined : it.payload,
              signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
            });
            await res.arrayBuffer();
            return res.ok
              ? { ok: true }
              : { ok: false, failure: 'error', error: `${destination}: HTTP ${res.status}` };
          } catch (err) {
            return { ok: false, failure: 'error', error: `${destination}: ${errorText(err)}` };
          }
        }),
      );
    },
  };
}

/** A gRPC method of a service the run hosts: each message is one call, its payload the request as JSON. */
export function grpcRoute(
  service: LoadedService,
  address: string,
  methodName: string,
  nodeId: string,
  clients: Set<GrpcServiceClient>,
): ReplayRoute {
  const method = service.methods.find((m) => m.name === methodName);
  if (!method)
    throw new Error(
      `${service.fullName} has no method ${methodName} (it has ${service.methods.map((m) => m.name).join(', ')})`,
    );
  // As the service records it: `/package.Service/Method`.
  const destination = `/${service.fullName}/${methodName}`;
  let client: GrpcServiceClient | null = null;
  return {
    key: `grpc:${address}:${destination}`,
    transport: 'grpc',
    destination,
    label: `grpc ${destination} at ${address}`,
    nodeId,
    kind: 'call',
    send(items, headersOf) {
      if (!client) {
        client = createGrpcClient(service, { address });
        clients.add(client);
      }
      const c = client;
      return Promise.all(
        items.map(async (it, i): Promise<ReplayOutcome> => {
          let request: unknown;
          try {
            request = JSON.parse(it.payload.toString('utf8'));
          } catch (err) {
            return {
              ok: false,
              failure: 'error',
              error: `message ${it.original.id} is not JSON for ${destination}: ${errorText(err)}`,
            };
          }
          try {
            const r = await c.call(methodName, {
              deadlineMs: CALL_TIMEOUT_MS,
              metadata: grpcMetadata(headersOf(i)),
              request: () => request,
            });
            return r.ok
              ? { ok: true }
              : { ok: false, failure: 'error', error: `${destination}: ${r.codeName} ${r.details}` };
          } catch (err) {
            return { ok: false, failure: 'error', error: `${destination}: ${errorText(err)}` };
          }
        }),
      );
    },
  };
}

/** gRPC metadata keys are lowercase ASCII; headers that cannot be keys are left out. */
function grpcMetadata(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const key = k.toLowerCase();
    if (/^[0-9a-z_.-]+$/.test(key) && !key.endsWith('-bin')) out[key] = v;
  }
  return out;
}
