import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import type { IncomingMessage } from '../../src-main/engine/transports/transport';
import { createAmqpInspector } from './helpers/amqp-inspector';
import { AMQP_URL, waitFor } from './helpers/brokers';

const inspector = createAmqpInspector();
afterAll(() => inspector.cleanup());

// Every byte value, plus sequences that are not UTF-8: a lone continuation byte, an
// overlong encoding, a truncated 4-byte sequence and a UTF-16 surrogate encoded in UTF-8.
const binary = Buffer.concat([
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from([0x80, 0xc0, 0xaf, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80, 0x00, 0xff, 0xfe]),
]);

describe('amqp payloads', () => {
  it('delivers a 1 MB payload and a binary non-UTF-8 payload byte for byte, through an exchange', async () => {
    const exchange = inspector.exchange('fb-pay-x');
    const queue = inspector.queue('fb-pay-q');
    const big = randomBytes(1024 * 1024);
    expect(binary.toString('utf8') === binary.toString('latin1')).toBe(false);
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureExchange({ exchange, type: 'fanout', durable: false });
      await transport.ensureQueue({ queue, durable: false });
      await transport.bind({ exchange, destination: queue, destinationType: 'queue' });
      const received: IncomingMessage[] = [];
      await transport.consume({
        queue,
        prefetch: 2,
        onMessage: async (delivery) => {
          received.push(delivery.message);
          delivery.ack();
        },
      });
      const publisher = await transport.createExchangePublisher();
      const outcomes = await publisher.publishTo(exchange, [
        { routingKey: '', messageId: 'big', headers: {}, payload: big },
        {
          routingKey: '',
          messageId: 'binary',
          headers: {},
          payload: binary,
          contentType: 'application/octet-stream',
        },
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
      await waitFor('both payloads', () => received.length >= 2);
      const byId = new Map(received.map((m) => [m.messageId, m]));
      expect(byId.get('big')?.payload.length).toBe(big.length);
      expect(byId.get('big')?.payload.equals(big)).toBe(true);
      expect(byId.get('binary')?.payload.equals(binary)).toBe(true);
      expect(byId.get('binary')?.contentType).toBe('application/octet-stream');
    } finally {
      await transport.close();
    }
  });
});
