import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';

const SDL = `type Query { user(id: ID!): User }
type Mutation { rename(id: ID!, name: String!): User }
type User { id: ID!  name: String  orders(last: Int): [Order] }
type Order { id: ID!  total: Float }
`;

/** A GraphQL service calling two REST services, with the given bindings, compiled. */
function compile(bindings: unknown[]): ReturnType<typeof compileFlow> {
  const nodes = [
    { id: 'api', kind: 'graphqlService', config: { name: 'api', schema: SDL, resolvers: {}, bindings } },
    { id: 'users', kind: 'restService', config: { name: 'users' } },
    { id: 'orders', kind: 'restService', config: { name: 'orders' } },
    { id: 'placed', kind: 'kafkaTopic', config: { name: 'placed', topic: 'placed' } },
  ];
  const edges = [
    ['api', 'users'],
    ['api', 'orders'],
    ['api', 'placed'],
  ].map(([source, target], i) => ({ id: `e${i}`, source, target }));
  return compileFlow({
    version: 2,
    name: 'nested',
    nodes: nodes.map((n, i) => ({ ...n, position: { x: i * 100, y: 0 } })),
    edges,
  });
}

const messages = (res: ReturnType<typeof compileFlow>): string[] =>
  res.ok ? [] : res.problems.map((p) => `${p.field}: ${p.message}`);

describe('GraphQL call bindings on object fields', () => {
  it('binds a field of an object type to a REST call that reads its parent, taking part of the reply', () => {
    const res = compile([
      { field: 'Query.user', action: 'call', node: 'users', path: '/v1/users/{{args.id}}' },
      {
        field: 'User.orders',
        action: 'call',
        node: 'orders',
        path: '/v1/users/{{parent.id}}/orders?last={{args.last}}',
        select: '$.items',
      },
    ]);
    if (!res.ok) throw new Error(messages(res).join('\n'));
    const bindings = res.compiled.graphqlServices[0].bindings;
    expect(bindings.map((b) => b.field)).toEqual(['Query.user', 'User.orders']);
    const orders = bindings[1];
    expect(orders.kind === 'call' && orders.path.render(1, { parent: { id: 7 }, args: { last: 5 } })).toBe(
      '/v1/users/7/orders?last=5',
    );
    expect(orders.kind === 'call' && orders.select?.segments).toEqual(['items']);
  });

  it('still binds publish only to mutations, and names a select that is not a reply path', () => {
    expect(
      messages(
        compile([
          { field: 'User.name', action: 'publish', node: 'placed' },
          { field: 'Query.user', action: 'call', node: 'users', path: '/v1/users/1', select: 'headers.x' },
          { field: 'User.orders', action: 'call', node: 'orders', path: '/x', select: '$.[' },
        ]),
      ),
    ).toEqual([
      'bindings[0].field: "api": "User.name" names no Query, Mutation or Subscription type',
      'bindings[1].select: must read the reply ($.name), not headers',
      expect.stringMatching(/^bindings\[2\]\.select: /),
    ]);
  });
});
