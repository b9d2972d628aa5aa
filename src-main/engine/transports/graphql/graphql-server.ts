import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from '../http/listen';
import type { ResolverBindings } from './bind-resolvers';
import { bindResolvers } from './bind-resolvers';
import { FieldChannels } from './field-channels';
import { createGraphqlHttpHandler } from './graphql-over-http';
import { attachGraphqlWs } from './graphql-over-ws';
import type { GraphqlServerHooks } from './recording';
import { buildServiceSchema } from './service-schema';

export interface GraphqlServerOptions extends ResolverBindings {
  /** The node's name, used in error messages. */
  node: string;
  /** The schema (SDL). A bad one fails `startGraphqlServer` with GraphqlSchemaError (line, column). */
  sdl: string;
  /** 0 (the default) takes a free port. */
  port?: number;
  /** Larger HTTP bodies get a 413 and larger WebSocket messages close the socket; default 1 MiB. */
  maxBodyBytes?: number;
  hooks?: GraphqlServerHooks;
}

export interface GraphqlServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>/graphql`, for queries and mutations. */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/graphql`, graphql-ws protocol. */
  readonly wsUrl: string;
  /**
   * Sends `payload` as the value of subscription field `field` (e.g. `orderPlaced`) to every
   * current subscriber of that field not bound to its own source; returns how many received it.
   */
  publish(field: string, payload: unknown): number;
  subscriberCount(field: string): number;
  /** Ends subscriptions, closes sockets and stops listening. */
  close(): Promise<void>;
}

const PATH = '/graphql';

/**
 * Serves a GraphQL node on 127.0.0.1: queries and mutations over HTTP (POST, and GET for
 * queries) and every operation over WebSocket (graphql-ws) at /graphql. Resolvers come from
 * the bindings (see bindResolvers); everything is checked before the port opens.
 */
export async function startGraphqlServer(options: GraphqlServerOptions): Promise<GraphqlServer> {
  const schema = buildServiceSchema(options.sdl, options.node);
  const channels = new FieldChannels();
  bindResolvers(schema, options, channels, options.node);
  const hooks = options.hooks ?? {};
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  let counter = 0;
  const nextOperationId = (): string => `${options.node}#${++counter}`;
  let port = 0;
  const wsUrl = (): string => `ws://127.0.0.1:${port}${PATH}`;

  const handle = createGraphqlHttpHandler({
    node: options.node,
    schema,
    path: PATH,
    maxBodyBytes,
    hooks,
    wsUrl,
    nextOperationId,
  });
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Only a bug gets here; answer and keep serving.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: `internal error: ${(err as Error).message}` }] }));
    });
  });
  const closeWs = attachGraphqlWs(server, {
    schema,
    path: PATH,
    maxPayloadBytes: maxBodyBytes,
    hooks,
    nextOperationId,
  });
  try {
    port = await listenOnLoopback(server, options.port ?? 0, options.node);
  } catch (err) {
    await closeWs();
    throw err;
  }
  return {
    port,
    url: `http://127.0.0.1:${port}${PATH}`,
    wsUrl: wsUrl(),
    publish: (field, payload) => channels.publish(field, payload),
    subscriberCount: (field) => channels.subscriberCount(field),
    async close() {
      channels.closeAll();
      await closeWs();
      await closeServer(server);
    },
  };
}
