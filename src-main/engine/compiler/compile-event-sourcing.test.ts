import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';

const flow = (nodes: unknown[], edges: unknown[] = []): unknown => ({ version: 2, name: 'es', nodes, edges });
const node = (id: string, kind: string, config: Record<string, unknown> = {}): unknown => ({
  id,
  kind,
  position: { x: 0, y: 0 },
  config: { name: id, ...config },
});

describe('compiling event stores and projections', () => {
  it('names the field of a rule that does not parse, an upcaster given twice, and unfed nodes', () => {
    const res = compileFlow(
      flow([
        node('store', 'eventStore', {
          rules: [{ event: 'OrderShipped', when: '$.state.status ==' }],
          upcasters: [
            { event: 'OrderCreated', fromVersion: 1 },
            { event: 'OrderCreated', fromVersion: 1 },
          ],
        }),
        node('view', 'projection'),
      ]),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.map((p) => [p.nodeId, p.field ?? '', p.message.split(':')[0]])).toEqual([
      ['store', 'rules[0].when', expect.any(String)],
      ['store', 'upcasters[1].fromVersion', 'OrderCreated v1 already has an upcaster above'],
      ['store', '', 'receives no commands'],
      ['view', '', 'folds nothing'],
    ]);
  });

  it('refuses REST routes that append to or read from nodes not connected to them', () => {
    const res = compileFlow(
      flow(
        [
          node('api', 'restService', {
            routes: [
              { method: 'POST', path: '/orders', appendTo: 'elsewhere' },
              { method: 'GET', path: '/orders/:id', readModel: 'missing' },
            ],
          }),
          node('store', 'eventStore'),
        ],
        [{ id: 'e1', source: 'api', target: 'store' }],
      ),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.map((p) => [p.field, p.message])).toEqual([
      ['routes[0].appendTo', 'names no event store this service is connected to'],
      ['routes[1].readModel', 'names no read model of a projection connected to this service'],
    ]);
  });

  it('compiles a store fed by a service, folded by a projection that answers a route', () => {
    const res = compileFlow(
      flow(
        [
          node('api', 'restService', { routes: [{ method: 'POST', path: '/orders', appendTo: 'store' }] }),
          node('store', 'eventStore'),
          node('view', 'projection', { readModel: 'orders' }),
          node('queries', 'restService', {
            port: 8081,
            routes: [
              {
                method: 'GET',
                path: '/orders/:id',
                readModel: 'orders',
                readModelKey: 'order-{{params.id}}',
              },
            ],
          }),
        ],
        [
          { id: 'e1', source: 'api', target: 'store' },
          { id: 'e2', source: 'store', target: 'view' },
          { id: 'e3', source: 'view', target: 'queries' },
        ],
      ),
    );
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(
      res.compiled.restServices.find((r) => r.node.id === 'queries')?.routes[0].readModelKey,
    ).toBeDefined();
  });
});
