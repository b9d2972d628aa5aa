import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TRACEPARENT, formatTraceparent, newSpanId, newTraceId } from '../../trace/traceparent';
import { HttpCallError, classifySocketError } from './http-call-error';
import { flattenHeaders } from './read-body';

export interface RestCallRequest {
  method: string;
  /** An absolute http(s) URL, or a path resolved against the client's `baseUrl`. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent as the `traceparent` header; a fresh root context is made when absent. */
  traceparent?: string;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

export interface RestCallResult {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  durationMs: number;
  /** The absolute URL called. */
  url: string;
  /** The traceparent that was sent. */
  traceparent: string;
}

export interface RestClientOptions {
  /** Where paths go, e.g. the REST node's `http://127.0.0.1:<port>`; absolute URLs ignore it. */
  baseUrl?: string;
  /** Per-call limit from sending to the last byte of the response; default 10 s. */
  timeoutMs?: number;
  /** Responses larger than this fail with `response-too-large`; default 16 MiB. */
  maxResponseBytes?: number;
  /** For https calls: the CA to trust and the client certificate to present (mTLS), PEM. */
  tls?: { ca: string; cert: string; key: string };
}

export interface RestClient {
  /** Resolves with any HTTP status (a 500 is a result); rejects with HttpCallError when no response came. */
  call(request: RestCallRequest): Promise<RestCallResult>;
  /** Drops kept-alive connections. */
  close(): Promise<void>;
}

/**
 * An HTTP client for a REST client node. It keeps connections alive (a node calls the same
 * service many times), sets `traceparent` on every call, and sets a JSON Content-Type when a
 * body is sent without one. Pacing is the runtime's.
 */
export function createRestClient(options: RestClientOptions = {}): RestClient {
  const httpAgent = new HttpAgent({ keepAlive: true });
  const httpsAgent = new HttpsAgent({ keepAlive: true, ...(options.tls ?? {}) });
  const defaultTimeout = options.timeoutMs ?? 10_000;
  const maxResponse = options.maxResponseBytes ?? 16 * 1024 * 1024;

  return {
    async call(request) {
      const target = resolveUrl(request.url, options.baseUrl);
      const traceparent =
        request.traceparent ?? formatTraceparent({ traceId: newTraceId(), spanId: newSpanId() });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
      headers[TRACEPARENT] = traceparent;
      const body = request.body === undefined ? undefined : Buffer.from(request.body);
      if (body !== undefined) {
        headers['content-length'] = String(body.length);
        if (!('content-type' in headers)) headers['content-type'] = 'application/json; charset=utf-8';
      }
      const timeoutMs = request.timeoutMs ?? defaultTimeout;
      const https = target.protocol === 'https:';
      const requestOptions: RequestOptions = {
        method: request.method.toUpperCase(),
        headers,
        agent: https ? httpsAgent : httpAgent,
      };
      const url = target.toString();
      const started = performance.now();

      return new Promise<RestCallResult>((resolve, reject) => {
        let settled = false;
        const fail = (err: HttpCallError): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          req.destroy();
          reject(err);
        };
        const req = (https ? httpsRequest : httpRequest)(target, requestOptions, (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxResponse)
              fail(
                new HttpCallError(
                  'response-too-large',
                  url,
                  `response from ${url} is larger than ${maxResponse} bytes`,
                ),
              );
            else chunks.push(chunk);
          });
          res.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({
              status: res.statusCode ?? 0,
              headers: flattenHeaders(res.headers),
              body: Buffer.concat(chunks, size),
              durationMs: performance.now() - started,
              url,
              traceparent,
            });
          });
          res.on('error', (err: NodeJS.ErrnoException) => fail(classifySocketError(url, err)));
        });
        const timer = setTimeout(
          () => fail(new HttpCallError('timeout', url, `no response from ${url} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        req.on('error', (err: NodeJS.ErrnoException) => fail(classifySocketError(url, err)));
        req.end(body);
      });
    },
    async close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** Resolves a path against the base URL; throws HttpCallError('bad-url') naming what is wrong. */
export function resolveUrl(url: string, baseUrl: string | undefined): URL {
  let target: URL;
  if (/^https?:\/\//i.test(url)) {
    try {
      target = new URL(url);
    } catch {
      throw new HttpCallError('bad-url', url, `"${url}" is not a valid URL`);
    }
  } else {
    if (!url.startsWith('/'))
      throw new HttpCallError(
        'bad-url',
        url,
        `"${url}" must be a path starting with "/" or an http(s):// URL`,
      );
    if (!baseUrl)
      throw new HttpCallError(
        'bad-url',
        url,
        `"${url}" is a path but the client is connected to no REST service`,
      );
    target = new URL(url, baseUrl);
  }
  return target;
}
