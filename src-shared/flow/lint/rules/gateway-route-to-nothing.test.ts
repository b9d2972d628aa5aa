import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { gatewayRouteToNothing } from './gateway-route-to-nothing';

describe('gateway-route-to-nothing', () => {
  it('reports routes without a target, to an unknown node, or to a node not connected', () => {
    const flow = testFlow(
      [
        [
          'gw',
          'apiGateway',
          {
            routes: [
              { pathPrefix: '/orders', target: 'orders-api' },
              { pathPrefix: '/users', target: '' },
              { pathPrefix: '/billing', target: 'billing-api' },
              { pathPrefix: '/ghost', target: 'nope' },
            ],
          },
        ],
        ['orders-api', 'restService'],
        ['billing-api', 'restService'],
        ['empty', 'apiGateway', { routes: [] }],
      ],
      [['gw', 'orders-api']],
    );
    expect(gatewayRouteToNothing(flow).map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      ['gw', 'error', 'Route /users of gateway "gw" has no target'],
      [
        'gw',
        'error',
        'Route /billing of gateway "gw" goes to "billing-api", but "gw" is not connected to it',
      ],
      ['gw', 'error', 'Route /ghost of gateway "gw" goes to "nope", which no node is called'],
      ['empty', 'warning', 'Gateway "empty" has no routes: every request gets a 404'],
    ]);
  });
});
