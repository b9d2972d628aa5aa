import { afterAll, describe, expect, it } from 'vitest';
import { readXDeath } from '../../src-main/engine/transports/amqp/amqp-message';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import type {
  ExchangeDelivery,
  ExchangeMessage,
  IncomingMessage,
} from '../../src-main/engine/transports/transport';
import { createAmqpInspector } from './helpers/amqp-inspector';
import { AMQP_URL, recordEvents, waitFor } from './helpers/brokers';

const inspector = createAmqpInspector();
afterAll(() => inspector.cleanup());

const named = (queue: string, ...names: string[]): ExchangeMessage[] =>
  names.map((name) => ({
    routingKey: queue,
    messageId: name,
    headers: { name },
    payload: Buffer.from(name),
  }));

describe('amqp consuming', () => {
  it('holds at most prefetch unacked deliveries per consumer', async () => {
    const queue = inspector.queue('fb-con-prefetch');
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureQueue({ queue, durable: false });
      const publisher = await transport.createExchangePublisher();
      await publisher.publishTo('', named(queue, ...Array.from({ length: 20 }, (_, i) => `m${i}`)));
      const held: ExchangeDelivery[] = [];
      await transport.consume({
        queue,
        prefetch: 3,
        onMessage: async (delivery) => void held.push(delivery),
      });
      await waitFor('three deliveries', () => held.length >= 3);
      // Nothing more arrives while three are unacked.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(held).toHaveLength(3);
      held.splice(0, 2).forEach((delivery) => delivery.ack());
      await waitFor('two more after two acks', () => held.length >= 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(held).toHaveLength(3);
    } finally {
      await transport.close();
    }
  });

  it('acks, requeues (marked redelivered), and sends nacked and rejected messages to the dead-letter queue', async () => {
    const queue = inspector.queue('fb-con-settle');
    const dlq = inspector.queue('fb-con-settle-dlq');
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: sink });
    try {
      await transport.ensureQueue({ queue: dlq, durable: false });
      await transport.ensureQueue({
        queue,
        durable: false,
        deadLetterExchange: '',
        deadLetterRoutingKey: dlq,
      });
      const seen: IncomingMessage[] = [];
      await transport.consume({
        queue,
        prefetch: 10,
        onMessage: async (delivery) => {
          const { message } = delivery;
          seen.push(message);
          const name = message.headers.name;
          // The requeued ones are acked when they come back.
          if (name === 'ack' || message.redelivered) delivery.ack();
          else if (name === 'requeue') delivery.nack(true);
          else if (name === 'reject-requeue') delivery.reject(true);
          else if (name === 'nack') delivery.nack(false);
          else delivery.reject(false);
        },
      });
      const dead: IncomingMessage[] = [];
      await transport.consume({
        queue: dlq,
        prefetch: 10,
        onMessage: async (delivery) => {
          dead.push(delivery.message);
          delivery.ack();
        },
      });
      const publisher = await transport.createExchangePublisher();
      await publisher.publishTo('', named(queue, 'ack', 'requeue', 'reject-requeue', 'nack', 'reject'));
      await waitFor('7 deliveries and 2 dead letters', () => seen.length >= 7 && dead.length >= 2);
      const deliveries = seen.map((m) => `${m.headers.name}${m.redelivered ? ' (redelivered)' : ''}`).sort();
      expect(deliveries).toEqual([
        'ack',
        'nack',
        'reject',
        'reject-requeue',
        'reject-requeue (redelivered)',
        'requeue',
        'requeue (redelivered)',
      ]);
      expect(seen.every((m) => m.destination === queue && m.exchange === '' && m.routingKey === queue)).toBe(
        true,
      );
      expect(dead.map((m) => m.headers.name).sort()).toEqual(['nack', 'reject']);
      for (const message of dead) {
        expect(readXDeath(message.headers)).toEqual([
          expect.objectContaining({ queue, reason: 'rejected', count: 1 }),
        ]);
      }
      expect((await (await inspector.channel()).checkQueue(queue)).messageCount).toBe(0);
      expect(events).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  for (const queueType of ['classic', 'quorum'] as const) {
    it(`dead-letters a ${queueType} queue's message after max delivery attempts, with x-death readable`, async () => {
      const queue = inspector.queue(`fb-con-limit-${queueType}`);
      const dlq = inspector.queue(`fb-con-limit-${queueType}-dlq`);
      const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
      try {
        await transport.ensureQueue({ queue: dlq, durable: true });
        await transport.ensureQueue({
          queue,
          durable: true,
          queueType,
          maxDeliveries: 2,
          deadLetterExchange: '',
          deadLetterRoutingKey: dlq,
        });
        let attempts = 0;
        await transport.consume({
          queue,
          prefetch: 1,
          onMessage: async (delivery) => {
            attempts += 1;
            // A consumer that always fails and asks for another try.
            delivery.nack(true);
          },
        });
        const dead: IncomingMessage[] = [];
        await transport.consume({
          queue: dlq,
          prefetch: 1,
          onMessage: async (delivery) => {
            dead.push(delivery.message);
            delivery.ack();
          },
        });
        const publisher = await transport.createExchangePublisher();
        await publisher.publishTo('', named(queue, 'poison'));
        await waitFor('the poison message in the DLQ', () => dead.length >= 1);
        // Two failed deliveries are allowed to come back; the third failure dead-letters it.
        expect(attempts).toBe(3);
        expect(dead[0].payload.toString()).toBe('poison');
        expect(dead[0].messageId).toBe('poison');
        const [death] = readXDeath(dead[0].headers);
        expect(death).toMatchObject({ queue, count: 1 });
        expect(['rejected', 'delivery_limit']).toContain(death.reason);
        console.info(`[amqp] ${queueType}: ${attempts} attempts, x-death ${dead[0].headers['x-death']}`);
      } finally {
        await transport.close();
      }
    });
  }
});
