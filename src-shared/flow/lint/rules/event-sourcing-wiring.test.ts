import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { eventSourcingWiring } from './event-sourcing-wiring';

describe('event-sourcing-wiring', () => {
  it('is quiet for a store fed by a service, folded by a projection that answers a route', () => {
    const flow = testFlow(
      [
        ['api', 'restService', { routes: [{ method: 'POST', path: '/orders', appendTo: 'store' }] }],
        ['store', 'eventStore', { rules: [{ event: 'OrderShipped', when: '$.state.status == "paid"' }] }],
        ['view', 'projection', { readModel: 'orders' }],
        ['queries', 'restService', { routes: [{ method: 'GET', path: '/orders', readModel: 'orders' }] }],
      ],
      [
        ['api', 'store'],
        ['store', 'view'],
        ['view', 'queries'],
      ],
    );
    expect(eventSourcingWiring(flow)).toEqual([]);
  });

  it('names what is not wired and a rule that does not parse', () => {
    const flow = testFlow([
      ['store', 'eventStore', { rules: [{ event: 'X', when: '$.state.status ==' }] }],
      ['view', 'projection', { readModel: 'orders' }],
      [
        'api',
        'restService',
        {
          routes: [
            { method: 'POST', path: '/orders', appendTo: 'store' },
            { method: 'GET', path: '/orders', readModel: 'orders' },
          ],
        },
      ],
    ]);
    const messages = eventSourcingWiring(flow).map((f) => [f.nodeId, f.severity, f.message]);
    expect(messages).toEqual([
      [
        'store',
        'warning',
        'event store "store" receives no commands: connect a topic, a queue or a service into it',
      ],
      ['store', 'error', expect.stringMatching(/^event store "store" rule 1: /)],
      [
        'view',
        'warning',
        'projection "view" folds nothing: connect an event store (or a topic of events) into it',
      ],
      [
        'api',
        'error',
        'route POST /orders of "api" appends to "store", which is not an event store connected to it',
      ],
      [
        'api',
        'error',
        'route GET /orders of "api" answers from read model "orders", which no connected projection builds',
      ],
    ]);
  });
});
