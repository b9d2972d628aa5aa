import { afterAll, describe, expect, it } from 'vitest';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import type { ExchangeMessage } from '../../src-main/engine/transports/transport';
import { createAmqpInspector } from './helpers/amqp-inspector';
import { AMQP_URL, recordEvents, startTcpRelay, waitFor, type TcpRelay } from './helpers/brokers';

const inspector = createAmqpInspector();
afterAll(() => inspector.cleanup());

async function relayToBroker(): Promise<{ relay: TcpRelay; url: string }> {
  const target = new URL(AMQP_URL);
  const relay = await startTcpRelay(target.hostname, Number(target.port || 5672));
  return {
    relay,
    url: AMQP_URL.replace(`${target.hostname}:${target.port || 5672}`, `127.0.0.1:${relay.port}`),
  };
}

const message = (routingKey: string, seq: number): ExchangeMessage => ({
  routingKey,
  messageId: `m-${seq}`,
  headers: { seq: String(seq) },
  payload: Buffer.from(String(seq)),
});

describe('amqp reconnect', () => {
  it('after a lost connection declares its whole topology again and resumes its consumers', async () => {
    const { relay, url } = await relayToBroker();
    const exchange = inspector.exchange('fb-rc-x');
    const queue = inspector.queue('fb-rc-q');
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url, onEvent: sink, backoff: { initialMs: 100, maxMs: 400 } });
    try {
      await transport.ensureExchange({ exchange, type: 'topic', durable: false });
      await transport.ensureQueue({ queue, durable: false });
      await transport.bind({ exchange, destination: queue, destinationType: 'queue', routingKey: 'jobs.#' });
      const received: string[] = [];
      await transport.consume({
        queue,
        prefetch: 5,
        onMessage: async (delivery) => {
          received.push(delivery.message.headers.seq);
          delivery.ack();
        },
      });
      const publisher = await transport.createExchangePublisher();
      expect((await publisher.publishTo(exchange, [message('jobs.a', 1)]))[0].status).toBe('confirmed');
      await waitFor('the first message', () => received.length === 1);

      // The broker loses what the transport declared (as a restart loses non-durable
      // exchanges and queues) while the connection is down.
      relay.setRefusing(true);
      relay.cutAll();
      await waitFor('connection-lost', () => events.length >= 1);
      const inspect = await inspector.channel();
      await inspect.deleteQueue(queue);
      await inspect.deleteExchange(exchange);
      relay.setRefusing(false);
      await waitFor('reconnected', () => events.length >= 2);
      expect(events).toEqual([
        {
          type: 'connection-lost',
          error: expect.stringMatching(/^Lost amqp:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:\d+: /),
        },
        { type: 'reconnected' },
      ]);
      // Exchange, queue and binding are back, and the consumer reads from the new queue.
      await inspect.checkExchange(exchange);
      expect((await publisher.publishTo(exchange, [message('jobs.b', 2)]))[0].status).toBe('confirmed');
      await waitFor('the message published after the reconnect', () => received.length === 2);
      expect(received).toEqual(['1', '2']);
    } finally {
      await transport.close();
      await relay.close();
    }
  });

  it('backs off between failed attempts, up to its bound, and stops trying once closed', async () => {
    const { relay, url } = await relayToBroker();
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url, onEvent: sink, backoff: { initialMs: 100, maxMs: 400 } });
    try {
      await transport.ensureQueue({ queue: inspector.queue('fb-rc-backoff'), durable: false });
      relay.setRefusing(true);
      relay.cutAll();
      await waitFor('connection-lost', () => events.length >= 1);
      const before = relay.accepted();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const attempts = relay.accepted() - before;
      console.info(`[amqp] ${attempts} reconnect attempts in 3 s with backoff 100 ms doubling to 400 ms`);
      // 100 + 200 + 400 + 400 … ms (±20 %): about 8 in 3 s; without backoff, hundreds.
      expect(attempts).toBeGreaterThanOrEqual(5);
      expect(attempts).toBeLessThanOrEqual(12);
      const closing = Date.now();
      await transport.close();
      expect(Date.now() - closing).toBeLessThan(1_000);
      const afterClose = relay.accepted();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(relay.accepted()).toBe(afterClose);
      expect(events).toEqual([{ type: 'connection-lost', error: expect.any(String) }]);
    } finally {
      await transport.close();
      await relay.close();
    }
  });

  it('keeps a publish made while disconnected waiting, and delivers it once the connection is back', async () => {
    const { relay, url } = await relayToBroker();
    const queue = inspector.queue('fb-rc-wait');
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url, onEvent: sink, backoff: { initialMs: 100, maxMs: 400 } });
    try {
      await transport.ensureQueue({ queue, durable: false });
      const publisher = await transport.createExchangePublisher();
      relay.setRefusing(true);
      relay.cutAll();
      await waitFor('connection-lost', () => events.length >= 1);
      const pending = publisher.publishTo('', [message(queue, 7)]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      relay.setRefusing(false);
      expect(await pending).toEqual([{ messageId: 'm-7', status: 'confirmed' }]);
      const [got] = await inspector.drain(queue, 1);
      expect(got.content.toString()).toBe('7');
    } finally {
      await transport.close();
      await relay.close();
    }
  });
});
