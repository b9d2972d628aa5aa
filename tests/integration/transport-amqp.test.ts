import { connect } from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import type { Closable, IncomingMessage, OutgoingMessage } from '../../src-main/engine/transports/transport';
import {
  AMQP_URL,
  recordEvents,
  startTcpRelay,
  timeFailure,
  uniqueName,
  unusedPort,
  waitFor,
} from './helpers/brokers';

// A bare amqplib connection of the test's own, to look at and clean up what the transport made.
let inspector: ChannelModel;
let inspect: Channel;
const createdQueues: string[] = [];

beforeAll(async () => {
  inspector = await connect(AMQP_URL);
  inspect = await inspector.createChannel();
});

afterAll(async () => {
  for (const queue of createdQueues) await inspect.deleteQueue(queue).catch(() => undefined);
  await inspector.close();
});

function newQueue(prefix: string): string {
  const queue = uniqueName(prefix);
  createdQueues.push(queue);
  return queue;
}

function batchOf(from: number, count: number): OutgoingMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    headers: { seq: String(from + i), traceparent: `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01` },
    payload: Buffer.from(JSON.stringify({ seq: from + i })),
  }));
}

describe('amqp transport on a real broker', () => {
  it('shares 500 confirmed messages between two competing consumers, once each, within prefetch', async () => {
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: sink });
    const queue = newQueue('fb-amqp');
    try {
      await transport.ensureQueue({ queue, durable: false });
      const received: Array<{ consumer: string; message: IncomingMessage }> = [];
      const inFlight = new Map<string, number>();
      let maxInFlight = 0;
      const consumers: Closable[] = [];
      for (const consumer of ['a', 'b']) {
        consumers.push(
          await transport.consume({
            queue,
            prefetch: 10,
            onMessage: async (delivery) => {
              inFlight.set(consumer, (inFlight.get(consumer) ?? 0) + 1);
              maxInFlight = Math.max(maxInFlight, inFlight.get(consumer) ?? 0);
              // Hold the delivery across a macrotask so unacked deliveries pile up to prefetch.
              await new Promise((resolve) => setImmediate(resolve));
              received.push({ consumer, message: delivery.message });
              inFlight.set(consumer, (inFlight.get(consumer) ?? 0) - 1);
              delivery.ack();
            },
          }),
        );
      }
      const publisher = await transport.createPublisher();
      const started = Date.now();
      for (let from = 0; from < 500; from += 50) await publisher.publish(queue, batchOf(from, 50));
      const confirmedAt = Date.now();
      await waitFor('500 deliveries', () => received.length >= 500);
      console.info(
        `[amqp] 500 published+confirmed in ${confirmedAt - started} ms, all consumed ${Date.now() - started} ms after start`,
      );

      const seqs = received.map(({ message }) => Number(message.headers.seq));
      expect(new Set(seqs).size).toBe(500);
      expect(received.length).toBe(500);
      expect(new Set(received.map(({ consumer }) => consumer))).toEqual(new Set(['a', 'b']));
      expect(maxInFlight).toBeLessThanOrEqual(10);
      for (const { message } of received) {
        const seq = Number(message.headers.seq);
        expect(message.destination).toBe(queue);
        expect(message.redelivered).toBe(false);
        expect(message.headers.traceparent).toBe(`00-${'c'.repeat(32)}-${'d'.repeat(16)}-01`);
        expect(JSON.parse(message.payload.toString())).toEqual({ seq });
      }
      await Promise.all([...consumers.map((consumer) => consumer.close()), publisher.close()]);
      expect((await inspect.checkQueue(queue)).messageCount).toBe(0);
      expect(events).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  it('redelivers a message nacked with requeue and drops one nacked without', async () => {
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => {} });
    const queue = newQueue('fb-amqp-nack');
    try {
      await transport.ensureQueue({ queue, durable: false });
      const publisher = await transport.createPublisher();
      await publisher.publish(queue, [
        { headers: { name: 'requeue-me' }, payload: Buffer.from('1') },
        { headers: { name: 'drop-me' }, payload: Buffer.from('2') },
      ]);
      const seen: Array<{ name: string; redelivered?: boolean }> = [];
      const consumer = await transport.consume({
        queue,
        prefetch: 5,
        onMessage: async (delivery) => {
          const { headers, redelivered } = delivery.message;
          seen.push({ name: headers.name, redelivered });
          if (headers.name === 'drop-me') delivery.nack(false);
          else if (!redelivered) delivery.nack(true);
          else delivery.ack();
        },
      });
      await waitFor('the requeued message to come back', () => seen.some((s) => s.redelivered));
      await consumer.close();
      expect(seen.filter((s) => s.name === 'requeue-me')).toEqual([
        { name: 'requeue-me', redelivered: false },
        { name: 'requeue-me', redelivered: true },
      ]);
      expect(seen.filter((s) => s.name === 'drop-me')).toEqual([{ name: 'drop-me', redelivered: false }]);
      // Closing the consumer would have returned an unsettled message to the queue.
      expect((await inspect.checkQueue(queue)).messageCount).toBe(0);
    } finally {
      await transport.close();
    }
  });

  it('reports RabbitMQ’s PRECONDITION_FAILED for a conflicting declaration and stays usable', async () => {
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: sink });
    const queue = newQueue('fb-amqp-conflict');
    try {
      await transport.ensureQueue({ queue, durable: true });
      await expect(transport.ensureQueue({ queue, durable: false })).rejects.toThrow(
        /PRECONDITION_FAILED - inequivalent arg 'durable'/,
      );
      await transport.ensureQueue({ queue, durable: true });
      const publisher = await transport.createPublisher();
      await publisher.publish(queue, batchOf(0, 3));
      expect((await inspect.checkQueue(queue)).messageCount).toBe(3);
      expect(events).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  it('rejects a batch the broker nacks or cannot route, and the publisher keeps working', async () => {
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => {} });
    const full = newQueue('fb-amqp-full');
    const fine = newQueue('fb-amqp-fine');
    try {
      // A queue that holds one message and nacks publishes beyond that.
      await inspect.assertQueue(full, { arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
      await transport.ensureQueue({ queue: fine, durable: false });
      const publisher = await transport.createPublisher();
      await expect(publisher.publish(full, batchOf(0, 3))).rejects.toThrow(
        `RabbitMQ nacked 2 of 3 messages published to queue "${full}"`,
      );
      await expect(publisher.publish(uniqueName('fb-amqp-missing'), batchOf(0, 2))).rejects.toThrow(
        /2 of 2 messages were not routed/,
      );
      await publisher.publish(fine, batchOf(0, 2));
      expect((await inspect.checkQueue(fine)).messageCount).toBe(2);
    } finally {
      await transport.close();
    }
  });

  it('publishes a batch larger than the channel write buffer (waits for drain), all confirmed', async () => {
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => {} });
    const queue = newQueue('fb-amqp-big');
    try {
      await transport.ensureQueue({ queue, durable: false });
      const publisher = await transport.createPublisher();
      // amqplib buffers 1024 frames per channel before sendToQueue returns false; 5000
      // messages written in one synchronous loop go past that.
      const payload = Buffer.alloc(100, 1);
      await publisher.publish(
        queue,
        Array.from({ length: 5000 }, (_, i) => ({ headers: { seq: String(i) }, payload })),
      );
      expect((await inspect.checkQueue(queue)).messageCount).toBe(5000);
    } finally {
      await transport.close();
    }
  });

  it('fails fast with ECONNREFUSED and never shows the password', async () => {
    const port = await unusedPort();
    const transport = createAmqpTransport({
      url: `amqp://flow:s3cret-Pa55@127.0.0.1:${port}`,
      onEvent: () => {},
    });
    const attempt = await timeFailure(() => transport.ensureQueue({ queue: 'never', durable: false }));
    console.info(`[amqp] unreachable broker rejected in ${attempt.ms} ms: ${attempt.error?.message}`);
    expect(attempt.error?.message).toMatch(/ECONNREFUSED/);
    expect(attempt.ms).toBeLessThan(5_000);
    await transport.close();
  });

  it('keeps a refused password out of the error RabbitMQ sends back', async () => {
    const url = AMQP_URL.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:wr%40ng-s3cret@');
    const transport = createAmqpTransport({ url, onEvent: () => {} });
    const attempt = await timeFailure(() => transport.createPublisher());
    console.info(`[amqp] wrong password rejected in ${attempt.ms} ms: ${attempt.error?.message}`);
    expect(attempt.error?.message).toMatch(/ACCESS_REFUSED|403/);
    expect(attempt.error?.message).not.toMatch(/s3cret/);
    expect(JSON.stringify(attempt.error, Object.getOwnPropertyNames(attempt.error))).not.toMatch(/s3cret/);
    await transport.close();
  });

  it('reports a connection cut mid-run, reconnects, and its consumer and publishers carry on', async () => {
    const target = new URL(AMQP_URL);
    const relay = await startTcpRelay(target.hostname, Number(target.port || 5672));
    const url = AMQP_URL.replace(`${target.hostname}:${target.port || 5672}`, `127.0.0.1:${relay.port}`);
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url, onEvent: sink });
    const queue = newQueue('fb-amqp-lost');
    try {
      await transport.ensureQueue({ queue, durable: false });
      const seen: string[] = [];
      await transport.consume({
        queue,
        prefetch: 1,
        onMessage: async (delivery) => {
          seen.push(delivery.message.headers.seq);
          delivery.ack();
        },
      });
      const publisher = await transport.createPublisher();
      relay.cutAll();
      await waitFor('connection-lost and reconnected', () => events.length >= 2);
      console.info(`[amqp] events after the cut: ${JSON.stringify(events)}`);
      expect(events).toEqual([
        { type: 'connection-lost', error: expect.any(String) },
        { type: 'reconnected' },
      ]);
      // The old publisher moves to the new connection, a new one works, the consumer is back.
      await publisher.publish(queue, batchOf(1, 1));
      const fresh = await transport.createPublisher();
      await fresh.publish(queue, batchOf(2, 1));
      await waitFor('both messages consumed after the reconnect', () => seen.length >= 2);
      expect(seen.sort()).toEqual(['1', '2']);
      expect(events).toHaveLength(2);
    } finally {
      await transport.close();
      await relay.close();
    }
  });
});
