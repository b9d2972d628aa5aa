import { describe, expect, it } from 'vitest';
import { starterConfig } from './new-node';
import { nodeSummary, shortCount } from './node-summary';

describe('nodeSummary', () => {
  it('shows the key values of each kind', () => {
    expect(nodeSummary({ type: 'kafkaTopic', data: { config: starterConfig('kafkaTopic') } })).toEqual([
      { label: 'topic', value: 'events' },
      { label: 'partitions', value: '3' },
    ]);
    expect(nodeSummary({ type: 'producer', data: { config: starterConfig('producer') } })[0]).toEqual({
      label: 'rate',
      value: '10 msg/s',
    });
  });

  it('shows a dash for a number being typed', () => {
    const config = { ...starterConfig('producer'), rate: Number.NaN };
    expect(nodeSummary({ type: 'producer', data: { config } })[0].value).toBe('— msg/s');
  });
});

describe('shortCount', () => {
  it('keeps small counts exact and shortens large ones', () => {
    expect(shortCount(0)).toBe('0');
    expect(shortCount(9999)).toBe('9999');
    expect(shortCount(12_345)).toBe('12.3k');
    expect(shortCount(2_500_000)).toBe('2.5M');
    expect(shortCount(3.25)).toBe('3.3');
  });
});

describe('nodeSummary of the newer kinds', () => {
  it('reads routes, steps and GraphQL fields', () => {
    expect(nodeSummary({ type: 'restService', data: { config: starterConfig('restService') } })).toEqual([
      { label: 'GET', value: '/orders/:id → 200' },
    ]);
    expect(
      nodeSummary({ type: 'graphqlService', data: { config: starterConfig('graphqlService') } }),
    ).toEqual([
      { label: 'query', value: 'order' },
      { label: 'mutation', value: 'placeOrder' },
    ]);
    expect(
      nodeSummary({ type: 'graphqlClient', data: { config: starterConfig('graphqlClient') } })[0],
    ).toEqual({
      label: 'query',
      value: 'order',
    });
    const steps = nodeSummary({
      type: 'sagaOrchestrator',
      data: { config: starterConfig('sagaOrchestrator') },
    });
    expect(steps).toEqual([
      { label: '1.', value: 'reserve-stock ↺' },
      { label: '2.', value: 'charge-payment ↺' },
    ]);
  });

  it('names the CRUD resources of a REST service before its routes', () => {
    const config = { ...starterConfig('restService'), resources: [{ path: '/v1/orders' }] } as never;
    expect(nodeSummary({ type: 'restService', data: { config } })).toEqual([
      { label: 'CRUD', value: '/v1/orders' },
      { label: 'GET', value: '/orders/:id → 200' },
    ]);
  });

  it('shortens long lists and survives a config being retyped', () => {
    const routes = Array.from({ length: 5 }, (_, i) => ({ method: 'GET', path: `/r${i}`, status: 200 }));
    const config = { ...starterConfig('restService'), routes } as never;
    expect(nodeSummary({ type: 'restService', data: { config } }).at(-1)).toEqual({
      label: '…',
      value: '+2 more',
    });
    const broken = { ...starterConfig('meshPolicy'), retries: null, trafficSplit: 'x' } as never;
    expect(() => nodeSummary({ type: 'meshPolicy', data: { config: broken } })).not.toThrow();
  });
});
