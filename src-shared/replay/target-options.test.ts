import { describe, expect, it } from 'vitest';
import { targetOptions } from './target-options';

describe('targetOptions', () => {
  it('lists the original destination, then topics, exchanges, queues, REST routes and gRPC methods of the flow', () => {
    const options = targetOptions([
      { id: 't', kind: 'kafkaTopic', config: { name: 'orders', topic: 'orders' } },
      { id: 'x', kind: 'rabbitExchange', config: { name: 'billing', exchange: 'billing' } },
      { id: 'q', kind: 'rabbitQueue', config: { name: 'jobs', queue: 'jobs' } },
      {
        id: 'api',
        kind: 'restService',
        config: { name: 'shop', routes: [{ method: 'POST', path: '/orders' }] },
      },
      { id: 'g', kind: 'grpcService', config: { name: 'greeter', methods: [{ method: 'SayHello' }] } },
      { id: 'p', kind: 'producer', config: { name: 'p' } },
    ]);
    expect(options.map((o) => [o.label, o.needsRun])).toEqual([
      ['Original destination', false],
      ['Kafka topic orders', false],
      ['RabbitMQ exchange billing', false],
      ['RabbitMQ queue jobs', false],
      ['shop: POST /orders', true],
      ['greeter: gRPC SayHello', true],
    ]);
    expect(options[4].target).toEqual({ kind: 'http', method: 'POST', path: '/orders', nodeId: 'api' });
  });
});
