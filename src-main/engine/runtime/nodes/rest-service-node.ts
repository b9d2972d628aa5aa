import type { FlowNode } from '@shared/flow/document';
import type { CompiledRestService } from '../../compiler/compiled-flow';
import { newSpanId, newTraceId, parseTraceparent, TRACEPARENT } from '../../trace/traceparent';
import type { Item } from '../../resource/resource-collection';
import { collectionFor, resourceHandlers } from '../../resource/resource-handlers';
import {
  startRestServer,
  type RestResponseEvent,
  type RestRouteHandler,
  type RestServer,
} from '../../transports/http/rest-server';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { appendFromRoute } from './append-route';
import { answerFromReadModel } from './read-model-route';
import { ServiceOutbox } from './service-outbox';
import { meshOf } from '../mesh/mesh-layer';

/**
 * A REST service node serving its routes on its port (loopback). Each reply is a respond
 * span, child of the caller's traceparent, with the response body stored; a service that
 * is connected to channels also publishes each successful reply there.
 */
export class RestServiceNode implements NodeActor {
  readonly node: FlowNode<'restService'>;
  private server: RestServer | null = null;
  private seq = 0;
  private readonly outbox: ServiceOutbox;

  constructor(
    private readonly compiled: CompiledRestService,
    private readonly graph: FlowGraph,
    /** Tests and parallel runs take a free port; the flow's own port otherwise. */
    private readonly port: number = compiled.node.config.port,
  ) {
    this.node = compiled.node;
    this.outbox = new ServiceOutbox(graph, compiled.node, compiled.node.config.behaviours, 'http');
  }

  /** Where clients of this run send their paths; null until serving. */
  get url(): string | null {
    return this.server?.url ?? null;
  }

  async prepare(): Promise<void> {
    this.server = await startRestServer({
      node: this.node.config.name,
      port: this.port,
      maxBodyBytes: this.node.config.maxBodyBytes,
      routes: [
        ...this.compiled.routes.map(({ route, response, headers, readModelKey }): RestRouteHandler => ({
          method: route.method,
          path: route.path,
          status: route.status,
          latencyMs: route.latencyMs,
          render: async (req) => {
            const injected = await this.injectedFault(req.headers, req.rawBody);
            if (injected) return injected;
            const seq = ++this.seq;
            const context = { params: req.params, query: req.query, body: req.body, headers: req.headers };
            const h: Record<string, string> = {};
            for (const [name, t] of headers) h[name] = t.render(seq, context);
            if (route.appendTo)
              return appendFromRoute(
                this.graph,
                this.node,
                route.appendTo,
                response.render(seq, context),
                req.headers[TRACEPARENT],
              ).then((reply) => ({ ...reply, headers: { ...h, ...reply.headers } }));
            if (route.readModel && readModelKey) {
              const reply = answerFromReadModel(this.graph, this.node.id, route.readModel, () =>
                Object.keys(req.params).length > 0 ? readModelKey.render(seq, context) : null,
              );
              return { ...reply, headers: { ...h, ...reply.headers } };
            }
            return { headers: h, body: response.render(seq, context) };
          },
        })),
        ...this.resourceRoutes(),
      ],
      hooks: { onResponse: (e) => this.record(e) },
      mtls: meshOf(this.graph).serverTls(this.node.id),
    });
  }

  /**
   * The node's own faults (faults on demand): an error fault answers with its HTTP status
   * and body instead of the route's reply, a latency fault holds the reply back.
   */
  private async injectedFault(
    headers: Record<string, string>,
    payload: Buffer,
  ): Promise<{ status: number; body: string } | null> {
    const injector = this.graph.faults?.at(this.node.id);
    if (!injector) return null;
    const [decision] = injector.decide({ headers, payload, trace: null });
    if (decision?.action === 'error' && decision.error.protocol === 'http')
      return { status: decision.error.status, body: decision.error.body };
    if (decision?.action === 'deliver' && decision.delayMs > 0) await this.graph.ctx.sleep(decision.delayMs);
    return null;
  }

  /**
   * Handlers of the CRUD resources, each over a fresh collection holding its seed (state
   * lives for one run); the node's injected faults apply to them as to its routes.
   */
  private resourceRoutes(): RestRouteHandler[] {
    return (this.compiled.resources ?? []).flatMap(({ resource, seed }) => {
      const collection = collectionFor(resource);
      collection.seed(JSON.parse(seed.render(1)) as Item[]);
      return resourceHandlers(resource, collection).map((handler) => ({
        ...handler,
        render: async (req) => (await this.injectedFault(req.headers, req.rawBody)) ?? handler.render(req),
      }));
    });
  }

  private record(e: RestResponseEvent): void {
    const { ctx } = this.graph;
    const parent = parseTraceparent(e.traceparent);
    const trace = { traceId: parent?.traceId ?? newTraceId(), spanId: newSpanId() };
    const destination = `${e.method} ${e.route ?? e.url}`;
    const at = Date.now() - e.durationMs;
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      ...trace,
      nodeId: this.node.id,
      transport: 'http',
      destination,
      ts: at,
      headers: { ...e.headers, ':status': String(e.status) },
      payload: e.body,
    });
    const failed = e.status >= 400;
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...trace,
      parentSpanId: parent?.spanId ?? null,
      nodeId: this.node.id,
      kind: failed ? 'error' : 'respond',
      transport: 'http',
      destination,
      ts: at,
      messageId,
      durationMs: e.durationMs,
      error: failed ? `HTTP ${e.status}` : undefined,
    });
    ctx.stats.add(this.node.id, 'received');
    ctx.stats.add(this.node.id, failed ? 'errors' : 'acked');
    ctx.stats.observe(this.node.id, e.durationMs);
    // A route that appended its command already handed it to the store; its reply is not an event.
    const appended = this.compiled.routes.some(
      (r) => r.route.appendTo && r.route.method === e.method && r.route.path === e.route,
    );
    if (!failed && !appended) void this.outbox.publish({ headers: {}, payload: e.body, trace, messageId });
  }

  async close(): Promise<void> {
    await this.server?.close();
    await this.outbox.flush();
  }
}
