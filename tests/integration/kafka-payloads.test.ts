import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src-main/engine/transports/transport';
import { waitFor } from './helpers/brokers';
import { createKafkaFixture } from './helpers/kafka-fixture';
import type { KafkaFixture } from './helpers/kafka-fixture';

let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => kafka.cleanup());

const ONE_MB = 1024 * 1024;

describe('kafka payloads', () => {
  it('carries a 1 MB payload on a topic whose max.message.bytes allows it, and refuses it clearly on one that does not', async () => {
    const { transport } = kafka.transport();
    // Kafka's default max.message.bytes (1048588) is below 1 MiB plus the record's framing.
    const small = kafka.topicName('payload-default');
    const large = kafka.topicName('payload-large');
    await transport.ensureTopic({ topic: small, partitions: 1 });
    await transport.ensureTopic({ topic: large, partitions: 1, maxMessageBytes: 2 * ONE_MB });
    const payload = randomBytes(ONE_MB);
    const producer = await transport.createProducer();
    await expect(producer.send(small, [{ headers: {}, payload }])).rejects.toThrow(
      `A batch is larger than topic "${small}" accepts`,
    );
    await producer.send(large, [{ key: 'big', headers: { size: String(ONE_MB) }, payload }]);
    const received: IncomingMessage[] = [];
    await transport.subscribe({
      topic: large,
      groupId: kafka.groupId('payload-large'),
      fromBeginning: true,
      onMessage: async (m) => void received.push(m),
    });
    await waitFor('the 1 MB record', () => received.length === 1);
    expect(received[0].payload.length).toBe(ONE_MB);
    expect(received[0].payload.equals(payload)).toBe(true);
    expect(received[0].headers.size).toBe(String(ONE_MB));
  });

  it('delivers a binary, non-UTF-8 payload byte for byte', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('payload-binary');
    await transport.ensureTopic({ topic, partitions: 1 });
    // Every byte value, then sequences that are invalid UTF-8 (a lone continuation byte,
    // an overlong encoding, a truncated 3-byte sequence) and a NUL in the middle.
    const payload = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      Buffer.from([0x80, 0xc0, 0xaf, 0xe2, 0x82, 0x00, 0xff, 0xfe]),
    ]);
    expect(Buffer.from(payload.toString('utf8'), 'utf8').equals(payload)).toBe(false);
    const producer = await transport.createProducer({ compression: 'gzip' });
    await producer.send(topic, [{ headers: {}, payload }]);
    const received: IncomingMessage[] = [];
    await transport.subscribe({
      topic,
      groupId: kafka.groupId('payload-binary'),
      fromBeginning: true,
      onMessage: async (m) => void received.push(m),
    });
    await waitFor('the binary record', () => received.length === 1);
    expect(received[0].payload.equals(payload)).toBe(true);
    const [raw] = await kafka.readRaw(topic, 1);
    expect(raw.message.value?.equals(payload)).toBe(true);
  });
});
