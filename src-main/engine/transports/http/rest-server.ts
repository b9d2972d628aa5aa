import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRACEPARENT } from '../../trace/traceparent';
import { closeServer, listenOnLoopback } from './listen';
import { BodyTooLargeError, flattenHeaders, isJsonContentType, readBody } from './read-body';
import { compileRouteTable } from './route-table';

/** What a route's `render` sees: enough for `{{params.id}}`, `{{query.q}}`, `{{body.total}}`. */
export interface RestRequest {
  /** Per-server request number; the same id is on the request and response hooks. */
  id: number;
  method: string;
  /** The path without the query string. */
  path: string;
  params: Record<string, string>;
  /** One value per name; a name given more than once holds every value in order. */
  query: Record<string, string | string[]>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON when the Content-Type says JSON, the text otherwise ('' when empty). */
  body: unknown;
  rawBody: Buffer;
}

/** A route's answer: a body, or a body with a status or headers replacing the route's. */
export type RouteReply =
  string | Buffer | { status?: number; headers?: Record<string, string>; body: string | Buffer };

export interface RestRouteHandler {
  method: string;
  /** `/orders/:id`; `:name` segments become `params.name`. */
  path: string;
  status: number;
  headers?: Record<string, string>;
  /** Added before replying, after `render`; the reply never comes sooner. */
  latencyMs?: number;
  /** Builds the reply; the runtime plugs its template engine in here. A throw becomes a 500. */
  render(request: RestRequest): RouteReply | Promise<RouteReply>;
}

export interface RestRequestEvent {
  id: number;
  method: string;
  /** Path and query as sent. */
  url: string;
  /** The matched route pattern, e.g. `/orders/:id`; absent for 404/405/413. */
  route?: string;
  headers: Record<string, string>;
  traceparent?: string;
  /** Empty when the body was refused (413). */
  body: Buffer;
  receivedAt: number;
}

export interface RestResponseEvent {
  id: number;
  method: string;
  url: string;
  route?: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** From the first byte of the request to the reply being handed to the socket. */
  durationMs: number;
  traceparent?: string;
}

export interface RestServerHooks {
  onRequest?(event: RestRequestEvent): void;
  onResponse?(event: RestResponseEvent): void;
}

export interface RestServerOptions {
  /** The node's name, used in error messages. */
  node: string;
  /** 0 (the default) takes a free port. */
  port?: number;
  routes: readonly RestRouteHandler[];
  /** Larger bodies get a 413; default 1 MiB. */
  maxBodyBytes?: number;
  hooks?: RestServerHooks;
  /** Serve https and require a client certificate signed by `ca` (mesh mTLS); plaintext is refused. */
  mtls?: { ca: string; cert: string; key: string };
}

export interface RestServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` (`https://` with mTLS) */
  readonly url: string;
  /** Stops listening, drops open connections and cancels replies still waiting on latency. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/**
 * Serves a REST node's routes on 127.0.0.1. Unknown paths get a 404 and known paths with
 * another method a 405 (with Allow); both carry a JSON `{ "error": … }` body, as do 400
 * (malformed JSON body), 413 (body over the limit) and 500 (render failed).
 */
export async function startRestServer(options: RestServerOptions): Promise<RestServer> {
  const table = compileRouteTable(options.routes);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const hooks = options.hooks ?? {};
  // Replies waiting out their latency; close() releases them so no handler is left hanging.
  const pendingDelays = new Map<NodeJS.Timeout, () => void>();
  let nextId = 1;
  let closing = false;

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, ms);
      pendingDelays.set(timer, resolve);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const id = nextId++;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const parsedUrl = new URL(url, 'http://127.0.0.1');
    const headers = flattenHeaders(req.headers);
    const traceparent = headers[TRACEPARENT];
    const match = table.match(method, parsedUrl.pathname);
    const route = match.kind === 'found' ? match.route : undefined;

    const reply = (status: number, replyHeaders: Record<string, string>, body: Buffer): void => {
      const all = { 'content-length': String(body.length), ...lower(replyHeaders) };
      res.writeHead(status, all);
      res.end(body);
      safely(() =>
        hooks.onResponse?.({
          id,
          method,
          url,
          route: route?.path,
          status,
          headers: all,
          body,
          durationMs: performance.now() - receivedAt,
          traceparent,
        }),
      );
    };
    const replyError = (status: number, message: string, extra: Record<string, string> = {}): void =>
      reply(status, { 'content-type': 'application/json; charset=utf-8', ...extra }, jsonError(message));

    let rawBody: Buffer;
    try {
      rawBody = await readBody(req, maxBody);
    } catch (err) {
      recordRequest(Buffer.alloc(0));
      if (err instanceof BodyTooLargeError) replyError(413, err.message, { connection: 'close' });
      else replyError(400, `could not read the request body: ${(err as Error).message}`);
      return;
    }
    recordRequest(rawBody);

    function recordRequest(body: Buffer): void {
      safely(() =>
        hooks.onRequest?.({
          id,
          method,
          url,
          route: route?.path,
          headers,
          traceparent,
          body,
          receivedAt: Date.now(),
        }),
      );
    }

    if (match.kind === 'not-found') {
      replyError(404, `"${options.node}" has no route for ${method} ${parsedUrl.pathname}`);
      return;
    }
    if (match.kind === 'method-not-allowed') {
      const allow = match.allowed.join(', ');
      replyError(405, `"${options.node}" serves ${parsedUrl.pathname} only for ${allow}, not ${method}`, {
        allow,
      });
      return;
    }
    const handler = match.route;
    let body: unknown = rawBody.toString('utf8');
    if (isJsonContentType(headers['content-type']) && rawBody.length > 0) {
      try {
        body = JSON.parse(body as string);
      } catch (err) {
        replyError(400, `request body is not valid JSON: ${(err as Error).message}`);
        return;
      }
    }
    let rendered: RouteReply;
    try {
      rendered = await handler.render({
        id,
        method,
        path: parsedUrl.pathname,
        params: match.params,
        query: queryObject(parsedUrl.searchParams),
        headers,
        body,
        rawBody,
      });
    } catch (err) {
      replyError(
        500,
        `route ${handler.method} ${handler.path} of "${options.node}" failed: ${(err as Error).message}`,
      );
      return;
    }
    if (handler.latencyMs) {
      const remaining = handler.latencyMs - (performance.now() - receivedAt);
      if (remaining > 0) await delay(Math.ceil(remaining));
    }
    if (closing || res.destroyed) return;
    const full = typeof rendered === 'string' || Buffer.isBuffer(rendered) ? { body: rendered } : rendered;
    const replyBody = toBuffer(full.body);
    const replyHeaders = { ...lower(handler.headers ?? {}), ...lower(full.headers ?? {}) };
    if (!('content-type' in replyHeaders)) replyHeaders['content-type'] = guessContentType(replyBody);
    reply(full.status ?? handler.status, replyHeaders, replyBody);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      // Only a bug gets here (every expected failure has its own reply); keep serving.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(jsonError(`internal error in "${options.node}": ${(err as Error).message}`));
    });
  };
  const server = options.mtls
    ? createTlsServer({ ...options.mtls, requestCert: true, rejectUnauthorized: true }, onRequest)
    : createServer(onRequest);
  const port = await listenOnLoopback(server, options.port ?? 0, options.node);
  return {
    port,
    url: `${options.mtls ? 'https' : 'http'}://127.0.0.1:${port}`,
    async close() {
      closing = true;
      const released = [...pendingDelays];
      pendingDelays.clear();
      const closed = closeServer(server);
      // Connections are gone now, so released handlers find their response destroyed and stop.
      for (const [timer, resolve] of released) {
        clearTimeout(timer);
        resolve();
      }
      await closed;
    },
  };
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const seen = out[name];
    if (seen === undefined) out[name] = value;
    else out[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

function lower(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function toBuffer(body: string | Buffer): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
}

/** Templates are JSON by convention; text that does not open like JSON is sent as plain text. */
function guessContentType(body: Buffer): string {
  const first = body.toString('utf8', 0, Math.min(body.length, 64)).trimStart()[0];
  return first === '{' || first === '[' ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
}

function jsonError(message: string): Buffer {
  return Buffer.from(JSON.stringify({ error: message }), 'utf8');
}

/** Recording hooks belong to the runtime; a throw in one must not break the reply. */
function safely(action: () => void): void {
  try {
    action();
  } catch {
    // The hook's owner reports its own failures.
  }
}
