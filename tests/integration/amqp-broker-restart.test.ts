import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import type { ExchangeMessage } from '../../src-main/engine/transports/transport';
import { recordEvents, waitFor } from './helpers/brokers';
import { createPrivateRabbitMq, type PrivateRabbitMq } from './helpers/private-rabbitmq';

let broker: PrivateRabbitMq;
beforeAll(async () => {
  broker = await createPrivateRabbitMq();
  await broker.start();
});
afterAll(() => broker?.dispose());

describe('a RabbitMQ node restarted mid-run', () => {
  it('recovers a durable flow, and every publish the broker confirmed is delivered', async () => {
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({
      url: broker.url,
      onEvent: sink,
      backoff: { initialMs: 200, maxMs: 1_000 },
    });
    try {
      await transport.ensureExchange({ exchange: 'orders', type: 'direct', durable: true });
      await transport.ensureQueue({ queue: 'orders.work', durable: true });
      await transport.bind({
        exchange: 'orders',
        destination: 'orders.work',
        destinationType: 'queue',
        routingKey: 'new',
      });
      const delivered = new Set<string>();
      let deliveries = 0;
      await transport.consume({
        queue: 'orders.work',
        prefetch: 5,
        onMessage: async (delivery) => {
          // Slower than the publisher, so a backlog sits in the durable queue at the restart.
          await new Promise((resolve) => setTimeout(resolve, 10));
          deliveries += 1;
          if (delivery.message.messageId) delivered.add(delivery.message.messageId);
          delivery.ack();
        },
      });
      const publisher = await transport.createExchangePublisher();
      const confirmed = new Set<string>();
      const failed: string[] = [];
      let seq = 0;
      let stopPublishing = false;
      const publishing = (async (): Promise<void> => {
        while (!stopPublishing) {
          const batch: ExchangeMessage[] = Array.from({ length: 20 }, () => {
            seq += 1;
            return {
              routingKey: 'new',
              messageId: `order-${seq}`,
              headers: {},
              payload: Buffer.from(`{"order":${seq}}`),
            };
          });
          for (const outcome of await publisher.publishTo('orders', batch)) {
            if (outcome.status === 'confirmed') confirmed.add(outcome.messageId);
            else failed.push(`${outcome.messageId}: ${outcome.status}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();

      await waitFor('200 confirmed before the restart', () => confirmed.size >= 200);
      const beforeRestart = confirmed.size;
      const backlog = beforeRestart - delivered.size;
      await broker.restart();
      await waitFor('the transport to reconnect', () => events.some((e) => e.type === 'reconnected'), 60_000);
      await waitFor(
        '200 more confirmed after the restart',
        () => confirmed.size >= beforeRestart + 200,
        60_000,
      );
      stopPublishing = true;
      await publishing;

      await waitFor(
        'every confirmed message to be delivered',
        () => [...confirmed].every((id) => delivered.has(id)),
        60_000,
      );
      console.info(
        `[amqp] restart: ${confirmed.size} confirmed (${beforeRestart} before the restart), ${failed.length} not confirmed, ` +
          `${backlog} queued at the restart, ${deliveries} deliveries for ${delivered.size} distinct messages; events ${JSON.stringify(events.map((e) => e.type))}`,
      );
      expect([...confirmed].filter((id) => !delivered.has(id))).toEqual([]);
      // Confirmed but not yet delivered when the node went down: these came back from disk.
      expect(backlog).toBeGreaterThan(0);
      expect(events.map((e) => e.type)).toEqual(['connection-lost', 'reconnected']);
      // The broker's own close (CONNECTION_FORCED) when it says goodbye in time, else the socket's
      // reset while a publish was being written: both name the broker going away.
      expect(events[0]).toMatchObject({
        error: expect.stringMatching(/CONNECTION_FORCED|shutdown|Unexpected close|ECONNRESET|EPIPE/i),
      });
    } finally {
      await transport.close();
    }
  });
});
