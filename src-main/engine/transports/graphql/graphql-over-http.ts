import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, execute, parse, validate } from 'graphql';
import type { DocumentNode, ExecutionResult, FormattedExecutionResult, GraphQLSchema } from 'graphql';
import { TRACEPARENT } from '../../trace/traceparent';
import { BodyTooLargeError, flattenHeaders, readBody } from '../http/read-body';
import type { GraphqlRequestContext } from './bind-resolvers';
import { parseGraphqlHttpRequest } from './graphql-http-request';
import { operationInfo } from './operation-info';
import type { GraphqlServerHooks } from './recording';
import { safely } from './recording';
import { sampleAwareFieldResolver } from './sample-data';

export interface GraphqlHttpOptions {
  node: string;
  schema: GraphQLSchema;
  path: string;
  maxBodyBytes: number;
  hooks: GraphqlServerHooks;
  /** Where subscriptions go, for the error a subscription over HTTP gets. */
  wsUrl: () => string;
  nextOperationId: () => string;
}

/**
 * Serves queries (GET or POST) and mutations (POST) at `path`. Parse and validation errors
 * answer 400 with `{ errors }`; an executed operation answers 200 with `{ data, errors }`,
 * where a resolver's error carries its path.
 */
export function createGraphqlHttpHandler(options: GraphqlHttpOptions) {
  const { schema, hooks } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown, extra: Record<string, string> = {}): void => {
      const text = Buffer.from(JSON.stringify(body), 'utf8');
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(text.length),
        ...extra,
      });
      res.end(text);
    };
    const sendErrors = (status: number, message: string, extra?: Record<string, string>): void =>
      send(status, { errors: [{ message }] }, extra);

    if (url.pathname !== options.path) {
      sendErrors(404, `"${options.node}" serves GraphQL at ${options.path}, not ${url.pathname}`);
      return;
    }
    let body: Buffer;
    try {
      body = method === 'POST' ? await readBody(req, options.maxBodyBytes) : Buffer.alloc(0);
    } catch (err) {
      if (err instanceof BodyTooLargeError) sendErrors(413, err.message, { connection: 'close' });
      else sendErrors(400, `could not read the request body: ${(err as Error).message}`);
      return;
    }
    const headers = flattenHeaders(req.headers);
    const parsed = parseGraphqlHttpRequest(method, url.searchParams, headers['content-type'], body);
    if (!parsed.ok) {
      sendErrors(parsed.status, parsed.message, parsed.allow ? { allow: parsed.allow } : {});
      return;
    }
    const { query, variables, operationName, extensions } = parsed.params;
    const headerTrace = headers[TRACEPARENT];
    const context: GraphqlRequestContext = {
      operationId: options.nextOperationId(),
      transport: 'http',
      traceparent:
        headerTrace ?? (typeof extensions.traceparent === 'string' ? extensions.traceparent : undefined),
      headers,
      operationName,
    };
    let operationType: 'query' | 'mutation' | 'subscription' | null = null;
    const finish = (
      status: number,
      result: FormattedExecutionResult,
      extra?: Record<string, string>,
    ): void => {
      send(status, result, extra);
      safely(() =>
        hooks.onOperation?.({
          operationId: context.operationId,
          transport: 'http',
          operationName,
          operationType,
          query,
          variables,
          traceparent: context.traceparent,
          result,
          durationMs: performance.now() - started,
        }),
      );
    };

    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (err) {
      finish(400, { errors: [toGraphqlError(err).toJSON()] });
      return;
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) {
      finish(400, { errors: validationErrors.map((e) => e.toJSON()) });
      return;
    }
    const info = operationInfo(document, operationName);
    operationType = info.type;
    if (info.type === null) {
      const why = operationName
        ? `no operation named "${operationName}"`
        : 'several operations: set operationName';
      finish(400, { errors: [{ message: `the document has ${why}` }] });
      return;
    }
    if (method === 'GET' && info.type !== 'query') {
      finish(405, { errors: [{ message: `a ${info.type} must be sent with POST` }] }, { allow: 'POST' });
      return;
    }
    if (info.type === 'subscription') {
      finish(400, {
        errors: [{ message: `subscriptions go over WebSocket (graphql-ws) at ${options.wsUrl()}` }],
      });
      return;
    }
    const result = (await execute({
      schema,
      document,
      variableValues: variables,
      operationName,
      contextValue: context,
      fieldResolver: sampleAwareFieldResolver,
    })) as ExecutionResult;
    finish(200, formatResult(result));
  };
}

/** The wire shape of a result (errors as plain objects with message, locations and path). */
export function formatResult(result: ExecutionResult): FormattedExecutionResult {
  const formatted: FormattedExecutionResult = {};
  if (result.errors) formatted.errors = result.errors.map((e) => e.toJSON());
  if ('data' in result) formatted.data = result.data;
  if (result.extensions) formatted.extensions = result.extensions;
  return formatted;
}

function toGraphqlError(err: unknown): GraphQLError {
  return err instanceof GraphQLError ? err : new GraphQLError((err as Error).message);
}
