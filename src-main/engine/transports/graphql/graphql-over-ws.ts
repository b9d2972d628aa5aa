import type { Server } from 'node:http';
import { GraphQLError, createSourceEventStream, execute, parse, validate } from 'graphql';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { TRACEPARENT } from '../../trace/traceparent';
import { flattenHeaders } from '../http/read-body';
import type { GraphqlRequestContext } from './bind-resolvers';
import { formatResult } from './graphql-over-http';
import { operationInfo } from './operation-info';
import type { GraphqlServerHooks } from './recording';
import { reportEach, safely } from './recording';
import { sampleAwareFieldResolver } from './sample-data';
import { unwrapEvent } from './traced-event';

export interface GraphqlWsOptions {
  schema: GraphQLSchema;
  path: string;
  maxPayloadBytes: number;
  hooks: GraphqlServerHooks;
  nextOperationId: () => string;
}

/** What the WebSocket side keeps per operation, to record it when it settles. */
interface WsOperationContext extends GraphqlRequestContext {
  query: string;
  variables: Record<string, unknown>;
  field: string | null;
  startedAt: number;
  /** Parse or validation errors; the operation is answered with them and not run. */
  rejected?: readonly GraphQLError[];
}

/** A valid query run in place of a refused one, so graphql-ws routes it to execute. */
const PLACEHOLDER = parse('{ __typename }');

/**
 * Serves the graphql-ws protocol on `path` of an HTTP server: subscriptions, and queries and
 * mutations too. The traceparent of an operation is taken from the subscribe message's
 * `extensions.traceparent`, else the connection's `connectionParams.traceparent`, else the
 * upgrade request's header. Returns the function that closes every socket.
 */
export function attachGraphqlWs(server: Server, options: GraphqlWsOptions): () => Promise<void> {
  const { schema, hooks } = options;
  const wss = new WebSocketServer({ server, path: options.path, maxPayload: options.maxPayloadBytes });

  const record = (
    ctx: WsOperationContext,
    result: ExecutionResult,
    type: 'query' | 'mutation' | 'subscription' | null,
  ): void =>
    safely(() =>
      hooks.onOperation?.({
        operationId: ctx.operationId,
        transport: 'ws',
        operationName: ctx.operationName ?? null,
        operationType: type,
        query: ctx.query,
        variables: ctx.variables,
        traceparent: ctx.traceparent,
        result: formatResult(result),
        durationMs: performance.now() - ctx.startedAt,
      }),
    );

  const disposable = useServer(
    {
      schema,
      isProd: false,
      // Parsing and validating here (rather than letting graphql-ws do it) keeps one bad
      // operation from closing the whole socket. Its errors are handed to execute as a
      // result, not returned as GraphQLError[]: graphql-ws tells those apart with
      // instanceof, which fails when it and we load different copies of graphql (ESM/CJS).
      onSubscribe: (ctx, _id, payload): ExecutionArgs => {
        let document: DocumentNode = PLACEHOLDER;
        let rejected: readonly GraphQLError[] | undefined;
        try {
          document = parse(payload.query);
          const errors = validate(schema, document);
          if (errors.length > 0) rejected = errors;
        } catch (err) {
          rejected = [err instanceof GraphQLError ? err : new GraphQLError((err as Error).message)];
        }
        if (rejected) document = PLACEHOLDER;
        const headers = flattenHeaders(ctx.extra.request.headers);
        const contextValue: WsOperationContext = {
          operationId: options.nextOperationId(),
          transport: 'ws',
          traceparent: firstString(
            payload.extensions?.[TRACEPARENT],
            ctx.connectionParams?.[TRACEPARENT],
            headers[TRACEPARENT],
          ),
          headers,
          operationName: payload.operationName ?? null,
          query: payload.query,
          variables: payload.variables ?? {},
          field: rejected ? null : operationInfo(document, payload.operationName).field,
          startedAt: performance.now(),
          rejected,
        };
        return {
          schema,
          document,
          operationName: rejected ? undefined : payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      execute: async (args: ExecutionArgs) => {
        const ctx = args.contextValue as WsOperationContext;
        if (ctx.rejected) {
          const refused: ExecutionResult = { errors: ctx.rejected };
          record(ctx, refused, null);
          return refused;
        }
        const result = (await execute({
          ...args,
          fieldResolver: sampleAwareFieldResolver,
        })) as ExecutionResult;
        record(ctx, result, operationInfo(args.document, args.operationName).type);
        return result;
      },
      subscribe: async (args: ExecutionArgs) => {
        const ctx = args.contextValue as WsOperationContext;
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) {
          record(ctx, stream, 'subscription');
          return stream;
        }
        record(ctx, {}, 'subscription');
        // Each source event is resolved as graphql's own subscribe does (the event is the root
        // value); a traced event also puts its child span into the result's extensions.
        const results = mapEach(stream, async (event) => {
          const { payload, source, sent } = unwrapEvent(event);
          const result = (await execute({
            ...args,
            rootValue: payload,
            fieldResolver: sampleAwareFieldResolver,
          })) as ExecutionResult;
          if (sent) result.extensions = { ...result.extensions, [TRACEPARENT]: sent };
          safely(() =>
            hooks.onSubscriptionEvent?.({
              operationId: ctx.operationId,
              field: ctx.field,
              traceparent: ctx.traceparent,
              sourceTraceparent: source,
              sentTraceparent: sent,
              result: formatResult(result),
            }),
          );
          return result;
        });
        return reportEach(
          results,
          () => undefined,
          () => hooks.onSubscriptionEnd?.({ operationId: ctx.operationId, field: ctx.field }),
        );
      },
      onError: (ctx, _id, payload, errors) => {
        // A subscription source that failed mid-stream ends here.
        safely(() =>
          hooks.onOperation?.({
            operationId: options.nextOperationId(),
            transport: 'ws',
            operationName: payload.operationName ?? null,
            operationType: null,
            query: payload.query,
            variables: payload.variables ?? {},
            traceparent: firstString(payload.extensions?.[TRACEPARENT], ctx.connectionParams?.[TRACEPARENT]),
            result: { errors: errors.map((e) => e.toJSON()) },
            durationMs: 0,
          }),
        );
      },
    },
    wss,
  );

  return async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

/** Maps each item of an iterator; `return()` goes straight to the source, as in reportEach. */
function mapEach<T, U>(source: AsyncIterable<T>, map: (item: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<U> = {
    async next() {
      const item = await iterator.next();
      return item.done ? { done: true, value: undefined } : { done: false, value: await map(item.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
