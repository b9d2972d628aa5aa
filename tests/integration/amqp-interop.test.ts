import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import type { IncomingMessage } from '../../src-main/engine/transports/transport';
import { createAmqpInspector } from './helpers/amqp-inspector';
import { AMQP_URL, waitFor } from './helpers/brokers';

// Debian's amqp-tools (rabbitmq-c): a third-party client on the other end.
const inspector = createAmqpInspector();
afterAll(() => inspector.cleanup());

function tool(name: string, args: string[], stdin?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(name, ['--url', AMQP_URL, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${name} ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString()}`));
    });
    child.stdin.end(stdin ?? Buffer.alloc(0));
  });
}

describe('amqp interop with amqp-tools', () => {
  it('what our publisher sends is read byte for byte by amqp-get and amqp-consume', async () => {
    const exchange = inspector.exchange('fb-interop-x');
    const queue = inspector.queue('fb-interop-out');
    const binary = Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x80, 0x0a, 0x41]);
    const json = Buffer.from('{"order":42,"name":"Zoë"}');
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureExchange({ exchange, type: 'topic', durable: false });
      await transport.ensureQueue({ queue, durable: false });
      await transport.bind({
        exchange,
        destination: queue,
        destinationType: 'queue',
        routingKey: 'orders.*',
      });
      const publisher = await transport.createExchangePublisher();
      const outcomes = await publisher.publishTo(exchange, [
        {
          routingKey: 'orders.eu',
          headers: { traceparent: 'x' },
          payload: json,
          contentType: 'application/json',
        },
        { routingKey: 'orders.us', headers: {}, payload: binary },
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
      expect((await tool('amqp-get', ['--queue', queue])).equals(json)).toBe(true);
      // amqp-consume pipes each body into the command it runs.
      expect(
        (await tool('amqp-consume', ['--queue', queue, '--count', '1', '--', 'cat'])).equals(binary),
      ).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it('what amqp-publish sends (routing key, headers, content type, body from stdin) our consumer reads', async () => {
    const exchange = inspector.exchange('fb-interop-in-x');
    const queue = inspector.queue('fb-interop-in');
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureExchange({ exchange, type: 'headers', durable: false });
      await transport.ensureQueue({ queue, durable: false });
      await transport.bind({
        exchange,
        destination: queue,
        destinationType: 'queue',
        headerMatch: { xMatch: 'all', headers: { region: 'eu' } },
      });
      const received: IncomingMessage[] = [];
      await transport.consume({
        queue,
        prefetch: 1,
        onMessage: async (delivery) => {
          received.push(delivery.message);
          delivery.ack();
        },
      });
      await tool('amqp-publish', [
        '--exchange',
        exchange,
        '--routing-key',
        'ignored-by-headers',
        '--persistent',
        '--content-type',
        'text/plain',
        '--header',
        'region: eu',
        '--header',
        'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        '--body',
        'hello from rabbitmq-c',
      ]);
      // From standard input: bytes that are not text.
      await tool(
        'amqp-publish',
        ['--exchange', exchange, '--header', 'region: eu'],
        Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]),
      );
      await waitFor('both messages', () => received.length >= 2);
      expect(received[0]).toMatchObject({
        destination: queue,
        exchange,
        routingKey: 'ignored-by-headers',
        contentType: 'text/plain',
        headers: { region: 'eu', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
        redelivered: false,
      });
      expect(received[0].payload.toString()).toBe('hello from rabbitmq-c');
      expect(received[1].payload.equals(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]))).toBe(true);
    } finally {
      await transport.close();
    }
  });
});
