import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TRACEPARENT, formatTraceparent, newSpanId, newTraceId } from '../../trace/traceparent';
import { createRestClient } from '../http/rest-client';

export interface GraphqlOperation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Sent as the `traceparent` header (HTTP) or in extensions and connectionParams (WebSocket). */
  traceparent?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface GraphqlCallResult extends FormattedExecutionResult {
  /** The HTTP status (200 for an executed operation, 400 for a query that did not validate…). */
  status: number;
  /** Body sizes of the HTTP request (query and variables) and of the response. */
  bytes: { request: number; response: number };
  durationMs: number;
  traceparent: string;
}

/** A GraphQL answer that is not a GraphQL response (HTML error page, empty body, closed socket…). */
export class GraphqlCallError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphqlCallError';
  }
}

export interface GraphqlClientOptions {
  /** `http://host:port/graphql`; subscriptions go to the same URL with ws(s)://. */
  url: string;
  /** Per-call limit for queries and mutations; default 10 s. */
  timeoutMs?: number;
}

export interface GraphqlClient {
  /**
   * Runs a query or mutation over HTTP POST. GraphQL errors (validation, resolvers) are in
   * the result's `errors`; a call that gets no GraphQL response rejects (HttpCallError for
   * refused or timed out, GraphqlCallError for a body that is not a GraphQL result).
   */
  execute(operation: GraphqlOperation): Promise<GraphqlCallResult>;
  /**
   * Subscribes over WebSocket (graphql-ws, one socket per subscription) and yields each
   * result; `return()` (or breaking out of for-await) unsubscribes. The iterator throws a
   * GraphqlCallError when the server refuses the operation or the socket fails.
   */
  subscribe(operation: GraphqlOperation): AsyncIterableIterator<FormattedExecutionResult>;
  close(): Promise<void>;
}

/** The client of a GraphQL client node; the runtime paces `execute` calls. */
export function createGraphqlClient(options: GraphqlClientOptions): GraphqlClient {
  const http = createRestClient({ timeoutMs: options.timeoutMs });
  const wsUrl = options.url.replace(/^http/i, 'ws');
  const sockets = new Set<{ dispose(): void | Promise<void> }>();

  return {
    async execute(operation) {
      const traceparent = operation.traceparent ?? freshTraceparent();
      const requestBody = JSON.stringify({
        query: operation.query,
        variables: operation.variables ?? {},
        operationName: operation.operationName,
      });
      const response = await http.call({
        method: 'POST',
        url: options.url,
        headers: { accept: 'application/json', ...operation.headers },
        body: requestBody,
        traceparent,
        timeoutMs: operation.timeoutMs,
      });
      let parsed: unknown;
      try {
        parsed = JSON.parse(response.body.toString('utf8'));
      } catch {
        throw new GraphqlCallError(
          options.url,
          `${options.url} answered ${response.status} with a body that is not JSON: ${snippet(response.body)}`,
        );
      }
      if (typeof parsed !== 'object' || parsed === null || !('data' in parsed || 'errors' in parsed))
        throw new GraphqlCallError(
          options.url,
          `${options.url} answered ${response.status} without "data" or "errors": ${snippet(response.body)}`,
        );
      return {
        ...(parsed as FormattedExecutionResult),
        status: response.status,
        bytes: { request: Buffer.byteLength(requestBody), response: response.body.length },
        durationMs: response.durationMs,
        traceparent,
      };
    },

    subscribe(operation) {
      const traceparent = operation.traceparent ?? freshTraceparent();
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { [TRACEPARENT]: traceparent },
        retryAttempts: 0,
        lazy: true,
      });
      sockets.add(client);
      const source = client.iterate<Record<string, unknown>, Record<string, unknown>>({
        query: operation.query,
        variables: operation.variables ?? {},
        operationName: operation.operationName,
        extensions: { [TRACEPARENT]: traceparent },
      });
      const finish = (): void => {
        sockets.delete(client);
        void client.dispose();
      };
      const iterator: AsyncIterableIterator<FormattedExecutionResult> = {
        async next() {
          try {
            const result = await source.next();
            if (result.done) finish();
            return result;
          } catch (err) {
            finish();
            throw new GraphqlCallError(
              options.url,
              `subscription at ${wsUrl} failed: ${describeWsError(err)}`,
            );
          }
        },
        async return() {
          await source.return?.();
          finish();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },

    async close() {
      await Promise.all([...sockets].map((s) => s.dispose()));
      sockets.clear();
      await http.close();
    },
  };
}

function freshTraceparent(): string {
  return formatTraceparent({ traceId: newTraceId(), spanId: newSpanId() });
}

function snippet(body: Buffer): string {
  const text = body.toString('utf8', 0, Math.min(body.length, 200)).replace(/\s+/g, ' ').trim();
  return text === '' ? '(empty)' : text;
}

/** graphql-ws rejects with GraphQL errors, a CloseEvent or a socket ErrorEvent; say which. */
export function describeWsError(err: unknown): string {
  if (Array.isArray(err)) return err.map((e) => (e as { message?: string }).message ?? String(e)).join('; ');
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null) {
    const e = err as { code?: unknown; reason?: unknown; message?: unknown; error?: unknown };
    if (e.error instanceof Error) return describeWsError(e.error);
    if (typeof e.message === 'string' && e.message !== '') return e.message;
    if (typeof e.code === 'number')
      return `socket closed with code ${e.code}${typeof e.reason === 'string' && e.reason ? `: ${e.reason}` : ''}`;
  }
  return String(err);
}
