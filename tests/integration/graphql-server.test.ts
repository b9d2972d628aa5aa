import { afterEach, describe, expect, it } from 'vitest';
import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { compileTemplate } from '../../src-main/engine/template/payload-template';
import type { GraphqlRequestContext } from '../../src-main/engine/transports/graphql/bind-resolvers';
import { createGraphqlClient } from '../../src-main/engine/transports/graphql/graphql-client';
import type {
  GraphqlServer,
  GraphqlServerOptions,
} from '../../src-main/engine/transports/graphql/graphql-server';
import { startGraphqlServer } from '../../src-main/engine/transports/graphql/graphql-server';
import type {
  GraphqlOperationEvent,
  GraphqlSubscriptionEvent,
} from '../../src-main/engine/transports/graphql/recording';
import { TracedEvent } from '../../src-main/engine/transports/graphql/traced-event';
import { GraphqlSchemaError } from '../../src-main/engine/transports/graphql/service-schema';
import { createRestClient } from '../../src-main/engine/transports/http/rest-client';
import {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
} from '../../src-main/engine/trace/traceparent';
import { waitFor } from './helpers/brokers';

const SDL = `type Query {
  order(id: ID!): Order
  orders: [Order!]!
  status: String
}

type Mutation {
  placeOrder(customer: String!, total: Float!): Order
}

type Subscription {
  orderPlaced: Order
  ticks(every: Int): Int
}

type Order {
  id: ID!
  customer: String
  total: Float
  status: String
}
`;

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const closable of open.splice(0).reverse()) await closable.close();
});

async function serve(options: Partial<GraphqlServerOptions> = {}): Promise<GraphqlServer> {
  let seq = 0;
  const server = await startGraphqlServer({
    node: 'orders-api',
    sdl: SDL,
    compileTemplate: (source) => {
      const template = compileTemplate(source);
      return (scope) => template.render(++seq, scope);
    },
    ...options,
  });
  open.push(server);
  return server;
}

function client(server: GraphqlServer): ReturnType<typeof createGraphqlClient> {
  const c = createGraphqlClient({ url: server.url, timeoutMs: 5000 });
  open.push(c);
  return c;
}

const trace = (): string => formatTraceparent({ traceId: newTraceId(), spanId: newSpanId() });

describe('GraphQL service over HTTP', () => {
  it('runs a query through a bound resolver, with the traceparent of the HTTP header in its context', async () => {
    const contexts: GraphqlRequestContext[] = [];
    const operations: GraphqlOperationEvent[] = [];
    const server = await serve({
      resolvers: {
        'Query.order': async (args, ctx) => {
          contexts.push(ctx);
          return { id: args.id, customer: 'ada', total: 12.5 };
        },
      },
      hooks: { onOperation: (e) => operations.push(e) },
    });
    const traceparent = trace();
    const result = await client(server).execute({
      query: 'query One($id: ID!) { order(id: $id) { id customer total } }',
      variables: { id: '42' },
      operationName: 'One',
      traceparent,
    });
    expect(result).toMatchObject({
      status: 200,
      data: { order: { id: '42', customer: 'ada', total: 12.5 } },
    });
    expect(result.errors).toBeUndefined();
    expect(contexts[0]).toMatchObject({ transport: 'http', traceparent, operationName: 'One' });
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({
      transport: 'http',
      operationName: 'One',
      operationType: 'query',
      variables: { id: '42' },
      traceparent,
      result: { data: { order: { id: '42' } } },
    });
    expect(operations[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('answers unbound fields from the node template, else with sample data', async () => {
    const server = await serve({
      templates: {
        order: '{"id": "{{args.id}}", "status": "shipped"}',
        'Mutation.placeOrder': '{"id": "new", "customer": "{{args.customer}}", "total": {{args.total}}}',
      },
    });
    const c = client(server);
    const query = await c.execute({
      query: '{ order(id: "7") { id status customer } orders { id total } status }',
    });
    expect(query.data).toEqual({
      order: { id: '7', status: 'shipped', customer: null },
      orders: [
        { id: '1', total: 1.5 },
        { id: '2', total: 1.5 },
      ],
      status: 'sample status',
    });
    const mutation = await c.execute({
      query: 'mutation($c: String!) { placeOrder(customer: $c, total: 9.5) { id customer total } }',
      variables: { c: 'grace' },
    });
    expect(mutation.data).toEqual({ placeOrder: { id: 'new', customer: 'grace', total: 9.5 } });
  });

  it('returns a resolver error in errors with its path, and the other fields still resolve', async () => {
    const server = await serve({
      resolvers: {
        'Query.order': () => Promise.reject(new Error('inventory service answered 503')),
      },
    });
    const result = await client(server).execute({ query: '{ status order(id: "1") { id } }' });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ status: 'sample status', order: null });
    expect(result.errors).toEqual([
      { message: 'inventory service answered 503', path: ['order'], locations: [{ line: 1, column: 10 }] },
    ]);
  });

  it('serves queries over GET, refuses mutations over GET, and reports bad documents with 400', async () => {
    const server = await serve();
    const http = createRestClient({ timeoutMs: 5000 });
    open.push(http);
    const get = await http.call({
      method: 'GET',
      url: `${server.url}?query=${encodeURIComponent('{ status }')}`,
    });
    expect([get.status, JSON.parse(get.body.toString())]).toEqual([
      200,
      { data: { status: 'sample status' } },
    ]);
    const mutation = `mutation { placeOrder(customer: "a", total: 1) { id } }`;
    const refused = await http.call({
      method: 'GET',
      url: `${server.url}?query=${encodeURIComponent(mutation)}`,
    });
    expect(refused.status).toBe(405);
    expect(refused.headers.allow).toBe('POST');
    const c = client(server);
    const syntax = await c.execute({ query: '{ order(id: "1") { id }' });
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0]).toMatchObject({ locations: [{ line: 1, column: 24 }] });
    expect(syntax.errors?.[0].message).toMatch(/^Syntax Error/);
    const invalid = await c.execute({ query: '{ order(id: "1") { nope } }' });
    expect(invalid.status).toBe(400);
    expect(invalid.errors?.[0].message).toBe('Cannot query field "nope" on type "Order".');
  });

  it('refuses a body over the limit with 413 and other paths with 404', async () => {
    const server = await serve({ maxBodyBytes: 2048 });
    const http = createRestClient({ timeoutMs: 5000 });
    open.push(http);
    const big = await http.call({
      method: 'POST',
      url: server.url,
      body: JSON.stringify({ query: `{ status } # ${'x'.repeat(5000)}` }),
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body.toString())).toEqual({
      errors: [{ message: 'request body is larger than the limit of 2048 bytes' }],
    });
    const other = await http.call({
      method: 'POST',
      url: server.url.replace('/graphql', '/gql'),
      body: '{}',
    });
    expect(other.status).toBe(404);
  });

  it('fails to start on a bad schema with the line of the problem', async () => {
    const broken = 'type Query {\n  order(id: ID!): Order\n  oops(: String\n}\n';
    const error = await startGraphqlServer({ node: 'broken', sdl: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlSchemaError);
    expect(error).toMatchObject({ line: 3, column: 8 });
    expect((error as Error).message).toMatch(/^"broken": schema \(SDL\) line 3, column 8: /);

    const unknownType = await startGraphqlServer({
      node: 'broken',
      sdl: 'type Query {\n  a: Int\n  order: Ordr\n}\n',
    }).catch((e: unknown) => e);
    expect(unknownType).toMatchObject({
      line: 3,
      message: '"broken": schema (SDL) line 3, column 10: Unknown type "Ordr".',
    });
  });

  it('fails to start when a binding names a field the schema lacks', async () => {
    await expect(serve({ resolvers: { 'Query.ordr': () => null } })).rejects.toThrow(
      '"orders-api": Query has no field "ordr" (it has order, orders, status)',
    );
  });
});

describe('GraphQL service over WebSocket', () => {
  it('delivers what the runtime publishes to a subscriber, with the traceparent from extensions', async () => {
    const operations: GraphqlOperationEvent[] = [];
    const events: unknown[] = [];
    const server = await serve({
      hooks: { onOperation: (e) => operations.push(e), onSubscriptionEvent: (e) => events.push(e) },
    });
    const traceparent = trace();
    const subscription = client(server).subscribe({
      query: 'subscription { orderPlaced { id total } }',
      traceparent,
    });
    const received: unknown[] = [];
    const reading = (async () => {
      for await (const result of subscription) {
        received.push(result);
        if (received.length === 3) break;
      }
    })();
    await waitFor('the subscriber', () => server.subscriberCount('orderPlaced') === 1);
    for (let i = 1; i <= 3; i++) expect(server.publish('orderPlaced', { id: `o${i}`, total: i })).toBe(1);
    await reading;
    expect(received).toEqual([1, 2, 3].map((i) => ({ data: { orderPlaced: { id: `o${i}`, total: i } } })));
    expect(operations[0]).toMatchObject({ transport: 'ws', operationType: 'subscription', traceparent });
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      field: 'orderPlaced',
      traceparent,
      result: { data: { orderPlaced: { id: 'o1' } } },
    });
    await waitFor('the unsubscribe', () => server.subscriberCount('orderPlaced') === 0);
  });

  it('gives each subscriber of a traced event a child span of its trace in extensions', async () => {
    const events: GraphqlSubscriptionEvent[] = [];
    const server = await serve({ hooks: { onSubscriptionEvent: (e) => events.push(e) } });
    const results: FormattedExecutionResult[][] = [[], []];
    const readers = results.map(async (got) => {
      const subscription = client(server).subscribe({ query: 'subscription { orderPlaced { id } }' });
      for await (const result of subscription) {
        got.push(result);
        break;
      }
    });
    await waitFor('two subscribers', () => server.subscriberCount('orderPlaced') === 2);
    const source = trace();
    expect(server.publish('orderPlaced', new TracedEvent({ id: 'o1' }, source))).toBe(2);
    await Promise.all(readers);
    const sent = results.map((got) => String(got[0].extensions?.traceparent));
    const sourceTrace = parseTraceparent(source);
    for (const s of sent) expect(parseTraceparent(s)?.traceId).toBe(sourceTrace?.traceId);
    expect(new Set([...sent, source]).size).toBe(3);
    expect(results[0][0].data).toEqual({ orderPlaced: { id: 'o1' } });
    expect(events.map((e) => e.sourceTraceparent)).toEqual([source, source]);
    expect(events.map((e) => e.sentTraceparent).sort()).toEqual([...sent].sort());
  });

  it('feeds a subscription from a bound source, with the traceparent from connectionParams', async () => {
    const contexts: GraphqlRequestContext[] = [];
    const server = await serve({
      subscriptions: {
        ticks: async function* (args, ctx) {
          contexts.push(ctx);
          for (let i = 1; i <= 4; i++) yield i * Number(args.every ?? 1);
        },
      },
    });
    const traceparent = trace();
    // A third-party graphql-ws client that puts the traceparent only in connectionParams.
    const raw = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { traceparent },
      retryAttempts: 0,
    });
    open.push({ close: async () => raw.dispose() });
    const values: unknown[] = [];
    for await (const result of raw.iterate({ query: 'subscription { ticks(every: 10) }' }))
      values.push(result.data?.ticks);
    expect(values).toEqual([10, 20, 30, 40]);
    expect(contexts[0]).toMatchObject({ transport: 'ws', traceparent });
  });

  it('takes the traceparent from the upgrade request header when the messages carry none', async () => {
    const contexts: GraphqlRequestContext[] = [];
    const server = await serve({
      resolvers: {
        'Query.status': (_args, ctx) => {
          contexts.push(ctx);
          return 'ok';
        },
      },
    });
    const traceparent = trace();
    class WebSocketWithHeader extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { traceparent } });
      }
    }
    const raw = createClient({ url: server.wsUrl, webSocketImpl: WebSocketWithHeader, retryAttempts: 0 });
    open.push({ close: async () => raw.dispose() });
    for await (const result of raw.iterate({ query: '{ status }' }))
      expect(result.data).toEqual({ status: 'ok' });
    expect(contexts[0]).toMatchObject({ transport: 'ws', traceparent });
  });

  it('runs queries over the socket too, and answers a bad one with its errors without closing the socket', async () => {
    const operations: GraphqlOperationEvent[] = [];
    const server = await serve({
      resolvers: { 'Query.order': (args) => ({ id: args.id }) },
      hooks: { onOperation: (e) => operations.push(e) },
    });
    const raw = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    open.push({ close: async () => raw.dispose() });
    const refused: unknown[] = [];
    for await (const result of raw.iterate({ query: '{ order(id: "1") { nope } }' })) refused.push(result);
    expect(refused).toEqual([
      {
        errors: [
          { message: 'Cannot query field "nope" on type "Order".', locations: [{ line: 1, column: 20 }] },
        ],
      },
    ]);
    expect(operations[0]).toMatchObject({
      transport: 'ws',
      operationType: null,
      query: '{ order(id: "1") { nope } }',
    });
    const results: unknown[] = [];
    for await (const result of raw.iterate({ query: '{ order(id: "5") { id } }' })) results.push(result);
    expect(results).toEqual([{ data: { order: { id: '5' } } }]);
  });
});
