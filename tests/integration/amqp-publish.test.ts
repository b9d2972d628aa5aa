import { connect } from 'amqplib';
import type { ConfirmChannel } from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { createErrorScrubber } from '../../src-main/engine/transports/amqp/amqp-errors';
import { createAmqpExchangePublisher } from '../../src-main/engine/transports/amqp/amqp-exchange-publisher';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import type { ExchangeMessage } from '../../src-main/engine/transports/transport';
import { createAmqpInspector } from './helpers/amqp-inspector';
import { AMQP_URL, recordEvents, waitFor } from './helpers/brokers';

const inspector = createAmqpInspector();
afterAll(() => inspector.cleanup());

const batch = (routingKey: string, count: number, from = 0): ExchangeMessage[] =>
  Array.from({ length: count }, (_, i) => ({
    routingKey,
    messageId: `m-${from + i}`,
    headers: { seq: String(from + i) },
    payload: Buffer.from(`{"seq":${from + i}}`),
  }));

describe('amqp publishing to exchanges', () => {
  it('writes a whole batch before waiting for confirms, and reports each message confirmed in order', async () => {
    const queue = inspector.queue('fb-pub-batch');
    const model = await connect(AMQP_URL);
    const log: string[] = [];
    try {
      await (await inspector.channel()).assertQueue(queue);
      const publisher = await createAmqpExchangePublisher({
        scrub: createErrorScrubber(AMQP_URL),
        // Records the order of writes and confirms on a real confirm channel.
        openConfirmChannel: async (): Promise<ConfirmChannel> => {
          const channel = await model.createConfirmChannel();
          const publish = channel.publish.bind(channel);
          channel.publish = (exchange, key, content, options, callback): boolean => {
            log.push('write');
            return publish(exchange, key, content, options, (error, ok) => {
              log.push('confirm');
              callback?.(error, ok);
            });
          };
          return channel;
        },
      });
      const outcomes = await publisher.publishTo('', batch(queue, 200));
      expect(outcomes).toEqual(
        batch(queue, 200).map((m) => ({ messageId: m.messageId, status: 'confirmed' })),
      );
      expect(log).toEqual([...Array(200).fill('write'), ...Array(200).fill('confirm')]);
      expect((await (await inspector.channel()).checkQueue(queue)).messageCount).toBe(200);
      await publisher.close();
    } finally {
      await model.close();
    }
  });

  it('reports a mandatory message no queue takes as unroutable, naming exchange and key; without mandatory it is dropped', async () => {
    const exchange = inspector.exchange('fb-pub-x');
    const queue = inspector.queue('fb-pub-bound');
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureExchange({ exchange, type: 'direct', durable: false });
      await transport.ensureQueue({ queue, durable: false });
      await transport.bind({ exchange, destination: queue, destinationType: 'queue', routingKey: 'bound' });
      const publisher = await transport.createExchangePublisher();
      const messages = [...batch('bound', 1, 0), ...batch('nowhere', 1, 1), ...batch('bound', 1, 2)];
      expect(await publisher.publishTo(exchange, messages)).toEqual([
        { messageId: 'm-0', status: 'confirmed' },
        {
          messageId: 'm-1',
          status: 'unroutable',
          error: `No queue is bound to exchange "${exchange}" for routing key "nowhere"`,
        },
        { messageId: 'm-2', status: 'confirmed' },
      ]);
      expect(
        (await publisher.publishTo(exchange, batch('nowhere', 1, 3), { mandatory: false }))[0].status,
      ).toBe('confirmed');
      expect((await (await inspector.channel()).checkQueue(queue)).messageCount).toBe(2);
    } finally {
      await transport.close();
    }
  });

  it('reports a publish to a missing exchange naming it, while the connection, other publishers and consumers carry on', async () => {
    const queue = inspector.queue('fb-pub-alive');
    const missing = inspector.exchange('fb-pub-missing');
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: sink });
    try {
      await transport.ensureQueue({ queue, durable: false });
      const received: string[] = [];
      await transport.consume({
        queue,
        prefetch: 10,
        onMessage: async (delivery) => {
          received.push(delivery.message.headers.seq);
          delivery.ack();
        },
      });
      const failing = await transport.createExchangePublisher();
      const other = await transport.createExchangePublisher();
      const [bad, good] = await Promise.all([
        failing.publishTo(missing, batch('k', 3)),
        other.publishTo('', batch(queue, 3, 10)),
      ]);
      for (const outcome of bad) {
        expect(outcome.status).toBe('failed');
        expect(outcome.status === 'failed' && outcome.error).toMatch(
          new RegExp(`Publishing to exchange "${missing}" failed: .*NOT_FOUND - no exchange '${missing}'`),
        );
      }
      expect(good.map((o) => o.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
      // The failing publisher opens a fresh channel on its next call.
      expect((await failing.publishTo('', batch(queue, 2, 20))).map((o) => o.status)).toEqual([
        'confirmed',
        'confirmed',
      ]);
      await waitFor('all five to be consumed', () => received.length >= 5);
      expect(received.sort()).toEqual(['10', '11', '12', '20', '21']);
      expect(events).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  it('reports a conflicting redeclare (PRECONDITION_FAILED) naming the exchange, and keeps consuming', async () => {
    const exchange = inspector.exchange('fb-pub-conflict');
    const queue = inspector.queue('fb-pub-conflict-q');
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: sink });
    try {
      await transport.ensureExchange({ exchange, type: 'fanout', durable: false });
      await transport.ensureQueue({ queue, durable: false });
      await transport.bind({ exchange, destination: queue, destinationType: 'queue' });
      const received: string[] = [];
      await transport.consume({
        queue,
        prefetch: 10,
        onMessage: async (delivery) => {
          received.push(delivery.message.headers.seq);
          delivery.ack();
        },
      });
      await expect(transport.ensureExchange({ exchange, type: 'topic', durable: false })).rejects.toThrow(
        new RegExp(
          `Declaring exchange "${exchange}" failed: .*PRECONDITION_FAILED - inequivalent arg 'type'`,
        ),
      );
      const publisher = await transport.createExchangePublisher();
      await publisher.publishTo(exchange, batch('', 2));
      await waitFor('both consumed after the failed declaration', () => received.length >= 2);
      expect(events).toEqual([]);
    } finally {
      await transport.close();
    }
  });
});
