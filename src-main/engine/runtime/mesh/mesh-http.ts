import type { FlowEdge } from '@shared/flow/document';
import { formatTraceparent, type TraceContext } from '../../trace/traceparent';
import { createRestClient, type RestCallResult, type RestClient } from '../../transports/http/rest-client';
import type { FlowGraph } from '../graph/flow-graph';
import { callAlongEdge } from './call-along-edge';
import { meshOf } from './mesh-layer';

/** One HTTP call to a node of the flow; `url` builds the address from the target's base URL. */
export interface MeshHttpRequest {
  method: string;
  url: (baseUrl: string) => string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type MeshHttpOutcome =
  | { ok: true; result: RestCallResult; targetId: string }
  | { ok: false; error: string; result?: RestCallResult; targetId: string };

/** The base URL a node of the run serves HTTP on (REST service, GraphQL service, gateway), or null. */
export function httpUrlOf(graph: FlowGraph, nodeId: string): string | null {
  const actor = graph.actors.get(nodeId) as { url?: unknown } | undefined;
  return actor && typeof actor.url === 'string' ? actor.url : null;
}

/**
 * The HTTP side of a caller's sidecar: every call along an edge goes straight to its target
 * when no mesh policy governs the edge, or through the edge's governor (split, breaker,
 * timeout, retries) otherwise. Each governed try is its own call span, child of the
 * caller's span, so the trace shows every retry; https targets get the run's client
 * certificate (mTLS). One per calling node; close it with the node.
 */
export class MeshHttpCaller {
  private readonly plain: RestClient;
  private secure: RestClient | null = null;

  constructor(
    private readonly graph: FlowGraph,
    private readonly callerId: string,
    private readonly timeoutMs: number,
  ) {
    this.plain = createRestClient({ timeoutMs });
  }

  async call(edge: FlowEdge, request: MeshHttpRequest, parent: TraceContext): Promise<MeshHttpOutcome> {
    const outcome = await callAlongEdge({
      graph: this.graph,
      callerId: this.callerId,
      edge,
      parent,
      transport: 'http',
      timeoutMs: this.timeoutMs,
      attempt: (targetId, timeoutMs, span) => this.once(targetId, request, span, timeoutMs),
      failureOf: (result) => (result.status >= 500 ? `HTTP ${result.status}` : null),
    });
    return outcome.ok
      ? { ok: true, result: outcome.value, targetId: outcome.targetId }
      : { ok: false, error: outcome.error, result: outcome.value, targetId: outcome.targetId };
  }

  async close(): Promise<void> {
    await this.plain.close();
    await this.secure?.close();
  }

  private async once(
    targetId: string,
    request: MeshHttpRequest,
    span: TraceContext,
    timeoutMs: number,
  ): Promise<RestCallResult> {
    const base = httpUrlOf(this.graph, targetId);
    if (!base) throw new Error(`"${this.nameOf(targetId)}" is not serving`);
    const client = base.startsWith('https:') ? this.secureClient() : this.plain;
    return client.call({
      method: request.method,
      url: request.url(base),
      headers: request.headers,
      body: request.body,
      traceparent: formatTraceparent(span),
      timeoutMs,
    });
  }

  private secureClient(): RestClient {
    this.secure ??= createRestClient({ timeoutMs: this.timeoutMs, tls: meshOf(this.graph).clientTls() });
    return this.secure;
  }

  private nameOf(nodeId: string): string {
    return this.graph.node(nodeId)?.config.name ?? nodeId;
  }
}
