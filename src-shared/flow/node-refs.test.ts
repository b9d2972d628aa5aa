import { describe, expect, it } from 'vitest';
import { nodeConfigSchemas } from './node-kinds';
import { renameNodeRefs } from './node-refs';

const renamed = new Map([
  ['payments', 'payments-2'],
  ['orders-store', 'orders-store-2'],
]);

describe('renameNodeRefs', () => {
  it('renames saga step targets and keeps step names that happen to match', () => {
    const config = nodeConfigSchemas.sagaOrchestrator.parse({
      name: 'checkout',
      steps: [
        { name: 'payments', target: 'payments', action: 'POST /charge', compensation: 'POST /refund' },
        { name: 'ship', target: 'shipping', action: 'POST /ship', compensation: 'POST /unship' },
      ],
    });
    const out = renameNodeRefs('sagaOrchestrator', config, renamed);
    expect(out.steps.map((s) => [s.name, s.target])).toEqual([
      ['payments', 'payments-2'],
      ['ship', 'shipping'],
    ]);
    expect(config.steps[0].target).toBe('payments');
  });

  it('renames gateway route targets, traffic split targets and GraphQL binding nodes', () => {
    const gateway = nodeConfigSchemas.apiGateway.parse({
      name: 'edge',
      routes: [{ pathPrefix: '/pay', target: 'payments' }],
    });
    expect(renameNodeRefs('apiGateway', gateway, renamed).routes[0].target).toBe('payments-2');

    const mesh = nodeConfigSchemas.meshPolicy.parse({
      name: 'policy',
      trafficSplit: [
        { target: 'payments', weight: 90 },
        { target: 'payments-canary', weight: 10 },
      ],
    });
    expect(renameNodeRefs('meshPolicy', mesh, renamed).trafficSplit.map((s) => s.target)).toEqual([
      'payments-2',
      'payments-canary',
    ]);

    const graphql = nodeConfigSchemas.graphqlService.parse({
      name: 'api',
      bindings: [{ field: 'Mutation.pay', action: 'call', node: 'payments', method: 'POST', path: '/pay' }],
    });
    expect(renameNodeRefs('graphqlService', graphql, renamed).bindings[0].node).toBe('payments-2');
  });

  it('renames the event store a REST route appends to and the node an enrich behaviour calls', () => {
    const rest = nodeConfigSchemas.restService.parse({
      name: 'commands',
      routes: [{ method: 'POST', path: '/orders', appendTo: 'orders-store' }],
      behaviours: [{ kind: 'enrich', target: 'payments' }],
    });
    const out = renameNodeRefs('restService', rest, renamed);
    expect(out.routes[0].appendTo).toBe('orders-store-2');
    expect(out.behaviours?.[0]).toMatchObject({ kind: 'enrich', target: 'payments-2' });
  });

  it('leaves broker names alone even when they equal a renamed node name', () => {
    const topic = nodeConfigSchemas.kafkaTopic.parse({ name: 'payments', topic: 'payments' });
    expect(renameNodeRefs('kafkaTopic', topic, renamed)).toEqual(topic);
  });
});

describe('renameNodeRefs without a match', () => {
  it('returns the very same config object, so nothing re-renders', () => {
    const saga = nodeConfigSchemas.sagaOrchestrator.parse({ name: 'checkout' });
    expect(renameNodeRefs('sagaOrchestrator', saga, renamed)).toBe(saga);
  });
});
