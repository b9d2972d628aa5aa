import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FlowNode } from '@shared/flow/document';
import type { CompiledApiGateway, CompiledGatewayRoute } from '../../compiler/compile-gateway';
import { authenticate, matchRoute } from '../../patterns/gateway/authenticate';
import { ResponseCache } from '../../patterns/gateway/response-cache';
import { TokenBuckets } from '../../patterns/gateway/token-bucket';
import {
  newSpanId,
  newTraceId,
  parseTraceparent,
  TRACEPARENT,
  type TraceContext,
} from '../../trace/traceparent';
import { closeServer, listenOnLoopback } from '../../transports/http/listen';
import { BodyTooLargeError, flattenHeaders, readBody } from '../../transports/http/read-body';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { GatewayRecorder, routeStatsId } from './gateway-recorder';
import { transformReply } from './transform-reply';
import { GatewayUpstream, type UpstreamReply } from './gateway-upstream';

const MAX_BODY = 1024 * 1024;
const UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * An API gateway node: one HTTP entry on its loopback port for every client. Per request:
 * match a route (path prefix and method), authenticate (API key or HS256 JWT), take a token
 * from the client's bucket (429 with Retry-After when empty), answer GETs from the cache
 * within their TTL (X-Cache HIT/MISS), call the route's REST, GraphQL or gRPC service, and
 * shape the answer with the route's template. The request and its upstream call are spans
 * of the caller's trace; counters are kept per node and per route.
 */
export class ApiGatewayNode implements NodeActor {
  readonly node: FlowNode<'apiGateway'>;
  private server: Server | null = null;
  private serving: string | null = null;
  private jwtSecret: string | null = null;
  private readonly buckets: Array<TokenBuckets | null>;
  private readonly cache = new ResponseCache();
  private readonly upstream: GatewayUpstream;
  private readonly recorder: GatewayRecorder;

  constructor(
    private readonly compiled: CompiledApiGateway,
    private readonly graph: FlowGraph,
    private readonly port: number = compiled.node.config.port,
  ) {
    this.node = compiled.node;
    this.buckets = compiled.routes.map(({ route }) =>
      route.rateLimit > 0 ? new TokenBuckets(route.rateLimit, route.burst || route.rateLimit) : null,
    );
    this.upstream = new GatewayUpstream(graph, this.node.id, UPSTREAM_TIMEOUT_MS);
    this.recorder = new GatewayRecorder(graph.ctx, this.node);
    compiled.routes.forEach((_, i) => graph.ctx.stats.track(routeStatsId(this.node.id, i)));
  }

  /** `http://127.0.0.1:<port>` while serving, else null. */
  get url(): string | null {
    return this.serving;
  }

  async prepare(): Promise<void> {
    const c = this.node.config;
    if (this.compiled.routes.some((r) => r.route.auth === 'jwt')) {
      this.jwtSecret = process.env[c.jwtSecretEnv] || null;
      if (!this.jwtSecret)
        this.graph.ctx.log(
          'info',
          this.node.id,
          `routes with JWT auth refuse every token: the environment variable ${c.jwtSecretEnv} (the HS256 secret) is not set`,
        );
    }
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: `internal error in "${c.name}": ${(err as Error).message}` }));
      });
    });
    const port = await listenOnLoopback(server, this.port, c.name);
    this.server = server;
    this.serving = `http://127.0.0.1:${port}`;
    this.graph.ctx.stats.setStatus(this.node.id, 'running');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const pathAndQuery = req.url ?? '/';
    const url = new URL(pathAndQuery, 'http://gateway');
    const headers = flattenHeaders(req.headers);
    const parent = parseTraceparent(headers[TRACEPARENT]);
    const span: TraceContext = { traceId: parent?.traceId ?? newTraceId(), spanId: newSpanId() };
    const reply = (r: UpstreamReply, routeIndex: number | null, extra: Record<string, string> = {}): void => {
      const out: Record<string, string> = { ...r.headers, ...extra, 'content-length': String(r.body.length) };
      delete out['transfer-encoding'];
      delete out.connection;
      res.writeHead(r.status, out);
      res.end(r.body);
      this.recorder.answered({
        span,
        parent,
        method,
        path: url.pathname,
        routeIndex,
        reply: { ...r, headers: out },
        startedAt,
      });
    };
    const refuse = (
      status: number,
      message: string,
      routeIndex: number | null,
      extra: Record<string, string> = {},
    ): void =>
      reply(
        {
          status,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: Buffer.from(JSON.stringify({ error: message })),
          error: message,
        },
        routeIndex,
        extra,
      );

    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY);
    } catch (err) {
      refuse(err instanceof BodyTooLargeError ? 413 : 400, (err as Error).message, null);
      return;
    }
    const match = matchRoute(this.compiled.routes, method, url.pathname);
    if (!match) return refuse(404, `"${this.node.config.name}" has no route for ${url.pathname}`, null);
    if ('wrongMethod' in match)
      return refuse(405, `${url.pathname} is routed only for ${match.wrongMethod.join(', ')}`, null, {
        allow: match.wrongMethod.join(', '),
      });
    const { route, index } = match;
    const who = authenticate(
      route.route,
      this.node.config,
      headers,
      req.socket.remoteAddress ?? '?',
      this.jwtSecret,
      Date.now(),
    );
    if (!who.ok) return refuse(401, who.reason, index, { 'www-authenticate': who.challenge });
    const taken = this.buckets[index]?.take(who.client, Date.now()) ?? { ok: true as const };
    if (!taken.ok)
      return refuse(429, `rate limit of ${route.route.rateLimit}/s reached for "${who.client}"`, index, {
        'retry-after': String(Math.max(1, Math.ceil(taken.retryAfterMs / 1000))),
      });

    const cacheable = method === 'GET' && route.route.cacheTtlMs > 0;
    const key = `${index} ${pathAndQuery}`;
    if (cacheable) {
      const hit = this.cache.get(key, Date.now());
      if (hit) return reply(hit, index, { 'x-cache': 'HIT' });
    }
    const upstreamSpan = { traceId: span.traceId, spanId: newSpanId() };
    const callStarted = Date.now();
    const answer = await this.upstream.call(
      route,
      { method, pathAndQuery, headers, body, client: who.client },
      upstreamSpan,
    );
    this.recorder.upstreamCalled(upstreamSpan, span, route, method, callStarted, answer.error);
    const shaped = this.transform(route, answer, who.client, url);
    if (cacheable && shaped.status === 200) this.cache.set(key, shaped, route.route.cacheTtlMs, Date.now());
    reply(shaped, index, cacheable ? { 'x-cache': 'MISS' } : {});
  }

  private transform(
    route: CompiledGatewayRoute,
    answer: UpstreamReply,
    client: string,
    url: URL,
  ): UpstreamReply {
    if (!route.transform || answer.status >= 400) return answer;
    try {
      return transformReply(route.transform, answer, {
        client,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
      });
    } catch (err) {
      const message = `transform of route ${route.route.pathPrefix} failed: ${(err as Error).message}`;
      return {
        status: 502,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: Buffer.from(JSON.stringify({ error: message })),
        error: message,
      };
    }
  }

  async close(): Promise<void> {
    if (this.server) await closeServer(this.server);
    this.server = null;
    this.serving = null;
    await this.upstream.close();
  }
}
