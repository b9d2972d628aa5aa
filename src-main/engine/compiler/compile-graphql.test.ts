import { describe, expect, it } from 'vitest';
import type { FlowProblem } from '@shared/flow/document';
import { compileFlow } from './compile-flow';

const SDL = `type Query { order(id: ID!): Order }
type Mutation { placeOrder(customer: String!): Order }
type Subscription { orderPlaced: Order }
type Order { id: ID!  status: String }
`;

interface Spec {
  service?: Record<string, unknown>;
  client?: Record<string, unknown> | null;
  extra?: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  edges?: Array<[string, string]>;
}

/** A client → service flow (plus extra nodes and edges), compiled. */
function compile(spec: Spec): ReturnType<typeof compileFlow> {
  const nodes = [
    {
      id: 'api',
      kind: 'graphqlService',
      config: { name: 'api', schema: SDL, resolvers: {}, ...spec.service },
    },
    ...(spec.client === null
      ? []
      : [{ id: 'shop', kind: 'graphqlClient', config: { name: 'shop', ...spec.client } }]),
    ...(spec.extra ?? []),
  ];
  const edges = [...(spec.client === null ? [] : [['shop', 'api']]), ...(spec.edges ?? [])].map(
    ([source, target], i) => ({ id: `e${i}`, source, target }),
  );
  return compileFlow({
    version: 2,
    name: 'gql',
    nodes: nodes.map((n, i) => ({ ...n, position: { x: i * 100, y: 0 } })),
    edges,
  });
}

function problems(spec: Spec): Array<Pick<FlowProblem, 'nodeId' | 'field' | 'message'>> {
  const res = compile(spec);
  if (res.ok) return [];
  return res.problems.map(({ nodeId, field, message }) => ({ nodeId, field, message }));
}

const topic = { id: 'placed', kind: 'kafkaTopic', config: { name: 'placed', topic: 'placed' } };
const queue = { id: 'events', kind: 'rabbitQueue', config: { name: 'events', queue: 'events' } };
const rest = { id: 'rest', kind: 'restService', config: { name: 'rest' } };

describe('compileGraphql', () => {
  it('compiles bindings to the nodes they name, with canonical field names', () => {
    const res = compile({
      service: {
        resolvers: { placeOrder: '{"id": "{{args.customer}}"}' },
        bindings: [
          { field: 'placeOrder', action: 'publish', node: 'placed', key: '{{args.customer}}' },
          { field: 'Subscription.orderPlaced', action: 'subscribe', node: 'events' },
          { field: 'order', action: 'call', node: 'rest', path: '/orders/{{args.id}}' },
        ],
      },
      client: { query: 'mutation { placeOrder(customer: "x") { id } }' },
      extra: [topic, queue, rest],
      edges: [
        ['api', 'placed'],
        ['events', 'api'],
        ['api', 'rest'],
      ],
    });
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const [service] = res.compiled.graphqlServices;
    expect([...service.templates.keys()]).toEqual(['Mutation.placeOrder']);
    expect(service.bindings.map((b) => `${b.kind} ${b.field}`)).toEqual([
      'publish Mutation.placeOrder',
      'subscribe Subscription.orderPlaced',
      'call Query.order',
    ]);
    const call = service.bindings[2];
    if (call.kind !== 'call') throw new Error('not a call');
    expect(call.path.render(1, { args: { id: 'o7' } })).toBe('/orders/o7');
    expect(res.compiled.graphqlClients[0]).toMatchObject({
      targetId: 'api',
      operationType: 'mutation',
      operationName: null,
    });
  });

  it('names the node, field and line of a schema that does not parse', () => {
    expect(problems({ service: { schema: 'type Query {\n  a: Int\n  b: [Int\n}' }, client: null })).toEqual([
      {
        nodeId: 'api',
        field: 'schema',
        message: expect.stringMatching(/^"api": schema \(SDL\) line 4, column 1: Expected "]", found "}"/),
      },
    ]);
  });

  it('refuses templates and bindings that name no field, the wrong root, or an unknown node', () => {
    expect(
      problems({
        service: {
          resolvers: { ordr: '{}', order: '{"id": "{{nope(}}"}' },
          bindings: [
            { field: 'Query.order', action: 'publish', node: 'placed' },
            { field: 'Mutation.placeOrder', action: 'publish', node: 'nowhere' },
            { field: 'Subscription.orderPlaced', action: 'subscribe', node: 'placed' },
          ],
        },
        client: null,
        extra: [topic],
        edges: [['api', 'placed']],
      }),
    ).toEqual([
      { nodeId: 'api', field: 'resolvers.ordr', message: expect.stringContaining('no root field "ordr"') },
      { nodeId: 'api', field: 'resolvers.order', message: expect.stringContaining('unknown expression') },
      {
        nodeId: 'api',
        field: 'bindings[0].field',
        message: 'is a Query field; "publish" binds a Mutation field',
      },
      { nodeId: 'api', field: 'bindings[1].node', message: 'names no node of the flow ("nowhere")' },
      {
        nodeId: 'api',
        field: 'bindings[2].node',
        message: '"placed" is not connected: draw an edge from it to "api"',
      },
    ]);
  });

  it('asks for the edge a binding needs, and for a binding on every channel the service reads', () => {
    expect(
      problems({
        service: { bindings: [{ field: 'order', action: 'call', node: 'rest', path: 'orders' }] },
        client: null,
        extra: [rest, queue],
        edges: [['events', 'api']],
      }),
    ).toEqual([
      {
        nodeId: 'api',
        field: 'bindings[0].node',
        message: '"rest" is not connected: draw an edge from "api" to it',
      },
      {
        nodeId: 'api',
        field: 'bindings',
        message:
          'reads "events" but no subscription field is bound to it: add a "subscribe" binding naming it',
      },
    ]);
  });

  it('calls a unary method of a connected gRPC service, and names a method it lacks', () => {
    const greeter = { id: 'greeter', kind: 'grpcService', config: { name: 'greeter' } };
    const bind = (rpc: string): Spec => ({
      service: { bindings: [{ field: 'order', action: 'call', node: 'greeter', rpc }] },
      client: null,
      extra: [greeter],
      edges: [['api', 'greeter']],
    });
    const res = compile(bind('SayHello'));
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.compiled.graphqlServices[0].bindings[0]).toMatchObject({
      kind: 'grpc',
      field: 'Query.order',
      rpc: 'SayHello',
      timeoutMs: 10_000,
    });
    expect(problems(bind('SayBye'))).toEqual([
      {
        nodeId: 'api',
        field: 'bindings[0].rpc',
        message: 'names no method of helloworld.Greeter ("SayBye"; it has SayHello)',
      },
    ]);
  });

  it('checks the client operation against its service schema, with its line', () => {
    expect(problems({ client: { query: 'query {\n  order(id: 1) { id total }\n}' } })).toEqual([
      {
        nodeId: 'shop',
        field: 'query',
        message: 'line 2, column 21: Cannot query field "total" on type "Order". (against "api")',
      },
    ]);
    expect(problems({ client: { query: 'subscription { orderPlaced { id } }' } })[0]).toMatchObject({
      field: 'query',
      message: expect.stringContaining('is a subscription'),
    });
    expect(problems({ client: { variables: '{"id": {{seq}' } })[0]).toMatchObject({ field: 'variables' });
    expect(problems({ client: { variables: '[1]' } })[0]).toMatchObject({
      field: 'variables',
      message: expect.stringContaining('JSON object'),
    });
  });
});
