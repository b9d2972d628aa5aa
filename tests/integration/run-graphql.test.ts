import { describe, expect, it } from 'vitest';
import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TraceEvent } from '@shared/trace/events';
import type { Environment } from '@shared/run/environment';
import type { Engine } from '../../src-main/engine/engine-types';
import {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
} from '../../src-main/engine/trace/traceparent';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, unusedPort } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

const SDL = `type Query {
  order(id: ID!): Order
}

type Mutation {
  placeOrder(customer: String!, total: Float!): Order
}

type Subscription {
  orderPlaced: Order
}

type Order {
  id: ID!
  customer: String
  total: Float
  status: String
}
`;

const GREETER = `syntax = "proto3";
package hello;
service Greeter { rpc SayHello (HelloRequest) returns (HelloReply); }
message HelloRequest { string name = 1; }
message HelloReply { string message = 1; }
`;

const startEngine = useEngine('graphql');

async function start(e: Engine, flow: unknown, environment: Environment): Promise<string> {
  const started = await e.handlers['run.start']({ flow, environment });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  return started.runId;
}

/** The events of the trace of each message `nodeId` recorded, one list per message. */
async function tracesOf(e: Engine, runId: string, nodeId: string): Promise<TraceEvent[][]> {
  const rows = (await e.handlers['messages.list']({ runId, limit: 500 })).rows.filter(
    (r) => r.nodeId === nodeId,
  );
  return Promise.all(rows.map((r) => e.handlers['trace.get']({ traceId: r.traceId })));
}

function find(trace: TraceEvent[], nodeId: string, kind: TraceEvent['kind']): TraceEvent {
  const event = trace.find((ev) => ev.nodeId === nodeId && ev.kind === kind);
  if (!event)
    throw new Error(`no ${kind} of ${nodeId} in ${trace.map((ev) => `${ev.nodeId}:${ev.kind}`).join(', ')}`);
  return event;
}

describe.each(ENVIRONMENTS)('GraphQL nodes on %s', (_label, environment) => {
  it('a client queries at its rate; each call and its answer are one trace', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('gql-query');
    b.node('shop', 'graphqlClient', {
      query: 'query Order($id: ID!) { order(id: $id) { id status } }',
      variables: '{"id": "o{{seq}}"}',
      rate: 40,
      count: 8,
    });
    b.node('api', 'graphqlService', {
      port: await unusedPort(),
      schema: SDL,
      resolvers: { order: '{"id": "{{args.id}}", "status": "shipped"}' },
    });
    b.edge('shop', 'api');
    const runId = await start(e, b.flow, environment);
    const s = await untilStatus(e, 'eight answers', (x) => x.counters.shop?.status === 'done');
    expect(s.counters.shop).toMatchObject({ sent: 8, received: 8, errors: 0 });
    expect(s.counters.api).toMatchObject({ received: 8, acked: 8, errors: 0 });
    await e.handlers['run.stop']({});
    const traces = await tracesOf(e, runId, 'api');
    expect(traces).toHaveLength(8);
    const ids: string[] = [];
    for (const trace of traces) {
      const call = find(trace, 'shop', 'call');
      const respond = find(trace, 'api', 'respond');
      expect(respond.parentSpanId).toBe(call.spanId);
      expect(respond.transport).toBe('graphql');
      const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows;
      const answer = rows.find((r) => r.nodeId === 'api' && r.traceId === respond.traceId);
      const detail = await e.handlers['messages.get']({ id: answer?.id ?? 0 });
      const body = JSON.parse(detail?.payloadText ?? '{}') as FormattedExecutionResult;
      expect((body.data?.order as { status: string }).status).toBe('shipped');
      ids.push((body.data?.order as { id: string }).id);
    }
    expect(ids.sort()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8']);
  });

  it('a mutation publishes to a Kafka topic; client call to consumer ack is one trace', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('gql-mutation');
    b.node('checkout', 'graphqlClient', {
      query:
        'mutation Place($customer: String!, $total: Float!) { placeOrder(customer: $customer, total: $total) { id status } }',
      variables: '{"customer": "c{{seq}}", "total": {{seq}}}',
      rate: 40,
      count: 6,
    });
    b.node('api', 'graphqlService', {
      port: await unusedPort(),
      schema: SDL,
      resolvers: { 'Mutation.placeOrder': '{"id": "{{args.customer}}", "status": "placed"}' },
      bindings: [{ field: 'Mutation.placeOrder', action: 'publish', node: 'placed' }],
    });
    b.node('placed', 'kafkaTopic', { topic: uniqueName('gql-placed'), partitions: 1 });
    b.node('billing', 'consumer', { group: uniqueName('gql-billing') });
    b.edge('checkout', 'api');
    b.edge('api', 'placed');
    b.edge('placed', 'billing');
    const runId = await start(e, b.flow, environment);
    const s = await untilStatus(e, 'six orders billed', (x) => x.counters.billing?.acked === 6);
    expect(s.counters.checkout).toMatchObject({ sent: 6, errors: 0 });
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows;
    const published = rows.filter((r) => r.nodeId === 'api' && r.transport !== 'graphql');
    expect(published).toHaveLength(6);
    const detail = await e.handlers['messages.get']({ id: published[0].id });
    const message = JSON.parse(detail?.payloadText ?? '{}') as { customer: string; total: number };
    expect(message.customer).toBe(`c${message.total}`);
    const trace = detail?.trace ?? [];
    const call = find(trace, 'checkout', 'call');
    const respond = find(trace, 'api', 'respond');
    const produce = find(trace, 'api', 'produce');
    const deliver = find(trace, 'billing', 'deliver');
    const ack = find(trace, 'billing', 'ack');
    expect(respond.parentSpanId).toBe(call.spanId);
    expect(produce.parentSpanId).toBe(respond.spanId);
    expect(deliver.parentSpanId).toBe(produce.spanId);
    expect(ack.parentSpanId).toBe(deliver.spanId);
    const answers = rows.filter((r) => r.nodeId === 'api' && r.transport === 'graphql');
    const answer = await e.handlers['messages.get']({ id: answers[0].id });
    expect(JSON.parse(answer?.payloadText ?? '{}')).toMatchObject({
      data: { placeOrder: { id: expect.stringMatching(/^c\d$/), status: 'placed' } },
    });
  });

  it('a subscription over WebSocket receives what a producer sends to a RabbitMQ queue, in its trace', async () => {
    const { engine: e } = await startEngine();
    const port = await unusedPort();
    const b = flowBuilder('gql-subscription');
    b.node('orders', 'producer', { rate: 20, count: 2000, payload: '{"id": "o{{seq}}", "total": {{seq}}}' });
    b.node('placed', 'rabbitQueue', { queue: uniqueName('gql-placed') });
    b.node('api', 'graphqlService', {
      port,
      schema: SDL,
      bindings: [{ field: 'Subscription.orderPlaced', action: 'subscribe', node: 'placed' }],
    });
    b.edge('orders', 'placed');
    b.edge('placed', 'api');
    const runId = await start(e, b.flow, environment);
    await untilStatus(e, 'the service reading the queue', (x) => (x.counters.api?.received ?? 0) > 0);
    const subscriber = { traceId: newTraceId(), spanId: newSpanId() };
    const ws = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { traceparent: formatTraceparent(subscriber) },
      retryAttempts: 0,
    });
    const events: Array<FormattedExecutionResult<Record<string, unknown>, unknown>> = [];
    try {
      for await (const result of ws.iterate({ query: 'subscription { orderPlaced { id total } }' })) {
        events.push(result);
        if (events.length === 3) break;
      }
    } finally {
      await ws.dispose();
    }
    await e.handlers['run.stop']({});
    for (const event of events) {
      const order = event.data?.orderPlaced as { id: string; total: number };
      expect(order.id).toBe(`o${order.total}`);
      const sent = parseTraceparent(String((event.extensions as { traceparent?: string })?.traceparent));
      if (!sent) throw new Error(`no traceparent in ${JSON.stringify(event)}`);
      const trace = await e.handlers['trace.get']({ traceId: sent.traceId });
      const produce = find(trace, 'orders', 'produce');
      const deliver = find(trace, 'api', 'deliver');
      const respond = trace.find((ev) => ev.spanId === sent.spanId);
      expect(deliver.parentSpanId).toBe(produce.spanId);
      expect(respond).toMatchObject({ nodeId: 'api', kind: 'respond', parentSpanId: deliver.spanId });
    }
    const opened = await e.handlers['trace.get']({ traceId: subscriber.traceId });
    expect(opened).toEqual([
      expect.objectContaining({ nodeId: 'api', kind: 'respond', parentSpanId: subscriber.spanId }),
    ]);
    expect(await tracesOf(e, runId, 'orders')).not.toHaveLength(0);
  });

  it('a query field resolved by calling a REST service node is one trace across both services', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('gql-rest');
    b.node('shop', 'graphqlClient', {
      query: 'query Order($id: ID!) { order(id: $id) { id status } }',
      variables: '{"id": "{{seq}}"}',
      rate: 40,
      count: 4,
    });
    b.node('api', 'graphqlService', {
      port: await unusedPort(),
      schema: SDL,
      bindings: [{ field: 'Query.order', action: 'call', node: 'orders-rest', path: '/orders/{{args.id}}' }],
    });
    b.node('orders-rest', 'restService', {
      port: await unusedPort(),
      routes: [
        { method: 'GET', path: '/orders/:id', response: '{"id": "{{params.id}}", "status": "from-rest"}' },
      ],
    });
    b.edge('shop', 'api');
    b.edge('api', 'orders-rest');
    const runId = await start(e, b.flow, environment);
    const s = await untilStatus(e, 'four answers', (x) => x.counters.shop?.status === 'done');
    expect(s.counters.shop).toMatchObject({ sent: 4, received: 4, errors: 0 });
    expect(s.counters['orders-rest']).toMatchObject({ received: 4, errors: 0 });
    await e.handlers['run.stop']({});
    const traces = await tracesOf(e, runId, 'shop');
    expect(traces).toHaveLength(4);
    for (const trace of traces) {
      const call = find(trace, 'shop', 'call');
      const respond = find(trace, 'api', 'respond');
      const restCall = find(trace, 'api', 'call');
      const restRespond = find(trace, 'orders-rest', 'respond');
      expect(respond.parentSpanId).toBe(call.spanId);
      expect(restCall).toMatchObject({ parentSpanId: respond.spanId, transport: 'http' });
      expect(restRespond.parentSpanId).toBe(restCall.spanId);
    }
    const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows;
    const answer = rows.find((r) => r.nodeId === 'api');
    const detail = await e.handlers['messages.get']({ id: answer?.id ?? 0 });
    expect(JSON.parse(detail?.payloadText ?? '{}')).toMatchObject({
      data: { order: { id: expect.stringMatching(/^\d$/), status: 'from-rest' } },
    });
  });
});

describe('GraphQL fields resolved by a gRPC node', () => {
  it('a query field calls a unary gRPC method with the arguments; one trace across both services', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('gql-grpc');
    b.node('app', 'graphqlClient', {
      query: 'query Greet($name: String!) { greet(name: $name) { message } }',
      variables: '{"name": "n{{seq}}"}',
      rate: 40,
      count: 3,
    });
    b.node('api', 'graphqlService', {
      port: await unusedPort(),
      schema: 'type Query { greet(name: String!): Greeting }\ntype Greeting { message: String }',
      resolvers: {},
      bindings: [{ field: 'greet', action: 'call', node: 'greeter', rpc: 'SayHello' }],
    });
    b.node('greeter', 'grpcService', {
      proto: GREETER,
      service: 'hello.Greeter',
      responses: { SayHello: '{"message": "hi {{request.name}}"}' },
    });
    b.edge('app', 'api');
    b.edge('api', 'greeter');
    const runId = await start(e, b.flow, { kind: 'embedded' });
    const s = await untilStatus(e, 'three greetings', (x) => x.counters.app?.status === 'done');
    expect(s.counters.app).toMatchObject({ sent: 3, received: 3, errors: 0 });
    await e.handlers['run.stop']({});
    const traces = await tracesOf(e, runId, 'app');
    expect(traces).toHaveLength(3);
    for (const trace of traces) {
      const respond = find(trace, 'api', 'respond');
      expect(respond.parentSpanId).toBe(find(trace, 'app', 'call').spanId);
      const grpcCall = find(trace, 'api', 'call');
      expect(grpcCall).toMatchObject({ transport: 'grpc', destination: '/hello.Greeter/SayHello' });
      expect(grpcCall.parentSpanId).toBe(respond.spanId);
      expect(find(trace, 'greeter', 'respond').parentSpanId).toBe(grpcCall.spanId);
    }
    const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows;
    const answers = await Promise.all(
      rows.filter((r) => r.nodeId === 'api').map((r) => e.handlers['messages.get']({ id: r.id })),
    );
    expect(answers.map((a) => JSON.parse(a?.payloadText ?? '{}').data.greet.message).sort()).toEqual([
      'hi n1',
      'hi n2',
      'hi n3',
    ]);
  });
});

describe('GraphQL nodes when a bound field fails', () => {
  it('records the field error on the service and the client, in the call trace', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('gql-errors');
    b.node('shop', 'graphqlClient', {
      query: 'query Order($id: ID!) { order(id: $id) { id } }',
      rate: 40,
      count: 3,
    });
    b.node('api', 'graphqlService', {
      port: await unusedPort(),
      schema: SDL,
      bindings: [{ field: 'Query.order', action: 'call', node: 'orders-rest', path: '/missing/{{args.id}}' }],
    });
    b.node('orders-rest', 'restService', { port: await unusedPort() });
    b.edge('shop', 'api');
    b.edge('api', 'orders-rest');
    const runId = await start(e, b.flow, { kind: 'embedded' });
    const s = await untilStatus(e, 'three failed calls', (x) => x.counters.shop?.status === 'done');
    expect(s.counters.shop).toMatchObject({ sent: 3, errors: 3 });
    expect(s.counters.api).toMatchObject({ received: 3, errors: 3 });
    await e.handlers['run.stop']({});
    const log = await e.handlers['run.log']({});
    expect(log.find((l) => l.nodeId === 'shop')?.message).toMatch(
      /HTTP 404 from orders-rest GET \/missing\/\d/,
    );
    for (const trace of await tracesOf(e, runId, 'shop')) {
      const call = find(trace, 'shop', 'error');
      // The service holds two error spans in the same millisecond, so they are told apart by
      // transport, not by order: its GraphQL answer, and the REST call it made.
      const respond = trace.find(
        (ev) => ev.nodeId === 'api' && ev.kind === 'error' && ev.transport !== 'http',
      );
      if (!respond) throw new Error('no GraphQL error span on api');
      const restCall = trace.find((ev) => ev.nodeId === 'api' && ev.transport === 'http');
      expect(respond.parentSpanId).toBe(call.spanId);
      expect(restCall).toMatchObject({
        kind: 'error',
        parentSpanId: respond.spanId,
        error: expect.stringMatching(/HTTP 404/),
      });
      expect(find(trace, 'orders-rest', 'error').parentSpanId).toBe(restCall?.spanId);
    }
  });
});

describe('a GraphQL client paused', () => {
  it('sends nothing while paused and goes on at its rate after resume', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('gql-pause');
    b.node('shop', 'graphqlClient', { rate: 100, count: 100_000 });
    b.node('api', 'graphqlService', { port: await unusedPort() });
    b.edge('shop', 'api');
    await start(e, b.flow, { kind: 'embedded' });
    await untilStatus(e, 'calls going', (x) => (x.counters.shop?.received ?? 0) > 10);
    await e.handlers['run.pause']({ nodeIds: ['shop'] });
    const paused = await untilStatus(e, 'the client to show paused', (x) => x.counters.shop?.paused === true);
    await new Promise((r) => setTimeout(r, 500));
    const still = await e.handlers['run.status']({});
    expect(still.counters.shop.sent).toBe(paused.counters.shop.sent);
    await e.handlers['run.resume']({ nodeIds: ['shop'] });
    const resumedAt = Date.now();
    const resumed = await untilStatus(
      e,
      'calling again',
      (x) => x.counters.shop.sent > still.counters.shop.sent + 10,
    );
    // No burst for the paused time: 500 ms at 100/s would be 50 at once.
    const elapsed = (Date.now() - resumedAt) / 1000;
    expect(resumed.counters.shop.sent - still.counters.shop.sent).toBeLessThan(100 * elapsed + 30);
    await e.handlers['run.stop']({});
    const final = await e.handlers['run.status']({});
    expect(final.counters.shop.errors).toBe(0);
    expect(final.counters.api.received).toBe(final.counters.shop.received);
  });
});

describe('GraphQL nodes at compile', () => {
  it('refuses a service whose schema does not parse, naming the node, the field and the line', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('gql-bad');
    b.node('shop', 'graphqlClient', {});
    b.node('api', 'graphqlService', { schema: 'type Query {\n  order(id: ID!): Order\n  orders: [Order\n}' });
    b.edge('shop', 'api');
    const started = await e.handlers['run.start']({ flow: b.flow, environment: { kind: 'embedded' } });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.problems).toEqual([
      expect.objectContaining({
        nodeId: 'api',
        field: 'schema',
        path: 'nodes[1].config.schema',
        message: expect.stringMatching(/^"api": schema \(SDL\) line 4, column 1: /),
      }),
    ]);
    const status = await e.handlers['run.status']({});
    expect(status.state).not.toBe('running');
  });
});
