import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { graphqlBindingTarget } from './graphql-binding-target';

describe('graphql-binding-target', () => {
  it('reports bindings whose node is missing, of the wrong kind, or not connected the right way', () => {
    const flow = testFlow(
      [
        [
          'api',
          'graphqlService',
          {
            bindings: [
              { field: 'Mutation.place', action: 'publish', node: 'placed' },
              { field: 'Subscription.placed', action: 'subscribe', node: 'events' },
              { field: 'Query.order', action: 'call', node: 'orders' },
              { field: 'Mutation.cancel', action: 'publish', node: 'events' },
              { field: 'Subscription.shipped', action: 'subscribe', node: 'placed' },
              { field: 'Query.stock', action: 'call', node: 'placed' },
              { field: 'Query.price', action: 'call', node: 'pricing' },
            ],
          },
        ],
        ['placed', 'kafkaTopic'],
        ['events', 'rabbitQueue'],
        ['orders', 'restService'],
      ],
      [
        ['api', 'placed'],
        ['events', 'api'],
        ['api', 'orders'],
      ],
    );
    expect(graphqlBindingTarget(flow).map((f) => f.message)).toEqual([
      'Field Mutation.cancel of GraphQL service "api" goes to "events", but "api" is not connected to it',
      'Field Subscription.shipped of GraphQL service "api" reads "placed", but "placed" is not connected to "api"',
      'Field Query.stock of GraphQL service "api" calls "placed", which is not a REST or gRPC service',
      'Field Query.price of GraphQL service "api" names "pricing", which no node is called',
    ]);
  });
});
