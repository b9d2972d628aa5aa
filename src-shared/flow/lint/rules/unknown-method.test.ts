import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTO, DEFAULT_SDL } from '../../node-kinds';
import { testFlow } from '../test-flow';
import { unknownMethod } from './unknown-method';

describe('unknown-method', () => {
  it('checks gRPC methods against the .proto', () => {
    const flow = testFlow(
      [
        ['ok', 'grpcClient'],
        ['bye', 'grpcClient'],
        ['none', 'grpcClient'],
        ['greeter', 'grpcService', { proto: DEFAULT_PROTO, service: 'helloworld.Greeter' }],
      ],
      [
        ['ok', 'greeter', { targetHandle: 'SayHello' }],
        ['bye', 'greeter', { targetHandle: 'SayBye' }],
        ['none', 'greeter'],
      ],
    );
    expect(unknownMethod(flow).map((f) => [f.edgeId, f.message])).toEqual([
      ['bye>greeter', 'gRPC client "bye" calls SayBye, which "greeter" does not define (it has SayHello)'],
      ['none>greeter', 'gRPC client "none" calls no method of "greeter": connect it to one of its methods'],
    ]);
  });

  it('checks REST calls against routes and gateway prefixes, not full URLs', () => {
    const routes = [{ method: 'GET', path: '/orders/:id' }];
    const flow = testFlow(
      [
        ['get', 'restClient', { method: 'GET', path: '/orders/{{seq}}' }],
        ['post', 'restClient', { method: 'POST', path: '/orders/1' }],
        ['out', 'restClient', { method: 'POST', path: 'https://example.com/x' }],
        ['via-gw', 'restClient', { path: '/users/1' }],
        ['api', 'restService', { routes }],
        ['gw', 'apiGateway', { routes: [{ pathPrefix: '/orders', target: 'api' }] }],
      ],
      [
        ['get', 'api'],
        ['post', 'api'],
        ['out', 'api'],
        ['via-gw', 'gw'],
      ],
    );
    expect(unknownMethod(flow).map((f) => f.message)).toEqual([
      'REST client "post" calls POST /orders/1, which "api" has no route for',
      'REST client "via-gw" calls /users/1, which no route of gateway "gw" covers',
    ]);
  });

  it('checks GraphQL root fields against the schema', () => {
    const flow = testFlow(
      [
        ['ok', 'graphqlClient', { query: '{ order(id: 1) { id } __typename }' }],
        ['bad', 'graphqlClient', { query: 'mutation { cancelOrder(id: 1) }' }],
        ['empty', 'graphqlClient', { query: '' }],
        ['svc', 'graphqlService', { schema: DEFAULT_SDL }],
      ],
      [
        ['ok', 'svc'],
        ['bad', 'svc'],
        ['empty', 'svc'],
      ],
    );
    expect(unknownMethod(flow).map((f) => f.message)).toEqual([
      'GraphQL client "bad" asks for Mutation.cancelOrder, which "svc" does not define',
      'GraphQL client "empty" has no operation to send: write a query such as { order(id: 1) { id } }',
    ]);
  });
});
