import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src-main/engine/transports/transport';
import { waitFor } from './helpers/brokers';
import { createKafkaFixture } from './helpers/kafka-fixture';
import type { KafkaFixture } from './helpers/kafka-fixture';

let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => kafka.cleanup());

const messages = (n: number, make: (i: number) => Partial<OutgoingMessage> = () => ({})): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({
    headers: { seq: String(i) },
    payload: Buffer.from(`m${i}`),
    ...make(i),
  }));

/** kafkajs keeps the record batch a record came in as `batchContext`; it is not in its types. */
interface BatchContext {
  firstOffset: string;
  producerId: string;
  firstSequence: number;
}
const batchOf = (message: object): BatchContext => (message as { batchContext: BatchContext }).batchContext;

describe('kafka producer options', () => {
  it('sends a key and headers, and keeps one key on one partition (murmur2, the default)', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('prod-key');
    await transport.ensureTopic({ topic, partitions: 4 });
    const producer = await transport.createProducer();
    const receipts = await producer.send(
      topic,
      messages(40, (i) => ({ key: `customer-${i % 5}`, headers: { seq: String(i), tenant: 'acme' } })),
    );
    const partitionOfKey = new Map<string, Set<number>>();
    receipts.forEach((r, i) => {
      const key = `customer-${i % 5}`;
      partitionOfKey.set(key, (partitionOfKey.get(key) ?? new Set()).add(r.partition ?? -1));
    });
    expect([...partitionOfKey.values()].every((set) => set.size === 1)).toBe(true);
    const raw = await kafka.readRaw(topic, 40);
    for (const { partition, message } of raw) {
      const seq = Number(message.headers?.seq?.toString());
      expect(message.key?.toString()).toBe(`customer-${seq % 5}`);
      expect(message.headers?.tenant?.toString()).toBe('acme');
      expect({ partition, offset: message.offset }).toEqual(receipts[seq]);
    }
  });

  it('spreads messages evenly with round-robin whatever their key, and honours an explicit partition', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('prod-rr');
    await transport.ensureTopic({ topic, partitions: 4 });
    const roundRobin = await transport.createProducer({ partitioner: 'round-robin' });
    const spread = await roundRobin.send(
      topic,
      messages(40, () => ({ key: 'same-key' })),
    );
    const perPartition = [0, 1, 2, 3].map((p) => spread.filter((r) => r.partition === p).length);
    expect(perPartition).toEqual([10, 10, 10, 10]);

    const pinned = await roundRobin.send(
      topic,
      messages(5, () => ({ key: 'any', partition: 2 })),
    );
    expect(pinned.map((r) => r.partition)).toEqual([2, 2, 2, 2, 2]);
    await expect(
      roundRobin.send(
        topic,
        messages(1, () => ({ partition: 4 })),
      ),
    ).rejects.toThrow(`Partition 4 does not exist on topic "${topic}" (it has 4 partitions)`);
  });

  it('delivers with acks all, leader and none; only "none" leaves the offset unknown', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('prod-acks');
    await transport.ensureTopic({ topic, partitions: 1 });
    const sent: string[] = [];
    for (const acks of ['all', 'leader', 'none'] as const) {
      const producer = await transport.createProducer({ acks });
      const receipts = await producer.send(
        topic,
        messages(3, (i) => ({ payload: Buffer.from(`${acks}-${i}`) })),
      );
      sent.push(...receipts.map((_, i) => `${acks}-${i}`));
      if (acks === 'none')
        expect(receipts.every((r) => r.partition === 0 && r.offset === undefined)).toBe(true);
      else expect(receipts.every((r) => r.offset !== undefined)).toBe(true);
    }
    const raw = await kafka.readRaw(topic, 9);
    expect(raw.map(({ message }) => message.value?.toString()).sort()).toEqual(sent.sort());
  });

  it('compresses batches with gzip and snappy: a batch too big for the topic uncompressed fits compressed', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('prod-compress');
    // 100 records of 2 KB of repetitive text: ~200 KB raw, a few KB compressed.
    await transport.ensureTopic({ topic, partitions: 1, maxMessageBytes: 64 * 1024 });
    const batch = (codec: string): OutgoingMessage[] =>
      messages(100, (i) => ({ payload: Buffer.from(`${codec}-${i} `.padEnd(2048, 'abcdefgh')) }));
    const plain = await transport.createProducer({ compression: 'none' });
    await expect(plain.send(topic, batch('none'))).rejects.toThrow(
      `A batch is larger than topic "${topic}" accepts (its max.message.bytes)`,
    );
    for (const compression of ['gzip', 'snappy'] as const) {
      const producer = await transport.createProducer({ compression });
      const receipts = await producer.send(topic, batch(compression));
      expect(receipts).toHaveLength(100);
    }
    // Our own consumer reads both codecs back (snappy needs the registered codec).
    const seen: string[] = [];
    const groupId = kafka.groupId('prod-compress');
    await transport.subscribe({
      topic,
      groupId,
      fromBeginning: true,
      onMessage: async (m) => void seen.push(m.payload.toString().split(' ')[0]),
    });
    await waitFor('200 messages', () => seen.length === 200);
    expect(seen.filter((s) => s.startsWith('gzip-'))).toHaveLength(100);
    expect(seen.filter((s) => s.startsWith('snappy-'))).toHaveLength(100);
  });

  it('sends each call as one produce request (one record batch per partition)', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('prod-batch');
    await transport.ensureTopic({ topic, partitions: 1 });
    const producer = await transport.createProducer();
    await producer.send(topic, messages(500));
    await producer.send(topic, messages(500));
    const raw = await kafka.readRaw(topic, 1000);
    const batches = new Set(raw.map(({ message }) => batchOf(message).firstOffset));
    expect([...batches].sort()).toEqual(['0', '500']);
  });

  it('sends idempotently when asked (producer id and sequence numbers on the batch), and only with acks all', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('prod-idem');
    await transport.ensureTopic({ topic, partitions: 1 });
    await expect(transport.createProducer({ idempotent: true, acks: 'leader' })).rejects.toThrow(
      'An idempotent producer needs acks "all" (got "leader")',
    );
    const plain = await transport.createProducer();
    await plain.send(topic, messages(2));
    const idempotent = await transport.createProducer({ idempotent: true });
    await idempotent.send(topic, messages(3));
    await idempotent.send(topic, messages(3));
    const raw = await kafka.readRaw(topic, 8);
    const contexts = raw.map(({ message }) => batchOf(message));
    expect(contexts.slice(0, 2).every((c) => c.producerId === '-1')).toBe(true);
    const idem = contexts.slice(2);
    expect(new Set(idem.map((c) => c.producerId)).size).toBe(1);
    expect(idem[0].producerId).not.toBe('-1');
    expect(idem.map((c) => c.firstSequence)).toEqual([0, 0, 0, 3, 3, 3]);
  });
});
