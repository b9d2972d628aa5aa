import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  IncomingMessage,
  OutgoingMessage,
  TransportEvent,
} from '../../src-main/engine/transports/transport';
import { pollLag } from '../../src-main/engine/transports/lag-poller';
import type { PartitionLag } from '../../src-main/engine/transports/transport';
import { waitFor } from './helpers/brokers';
import { createKafkaFixture } from './helpers/kafka-fixture';
import type { KafkaFixture } from './helpers/kafka-fixture';

let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => kafka.cleanup());

const messages = (from: number, n: number): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({
    headers: { seq: String(from + i) },
    payload: Buffer.from(`m${from + i}`),
  }));
const seqOf = (m: IncomingMessage): number => Number(m.headers.seq);

/** The partitions each member holds after its latest join. */
function assignments(events: TransportEvent[]): Map<string, number[]> {
  const latest = new Map<string, number[]>();
  for (const e of events) if (e.type === 'rebalance' && e.member) latest.set(e.member, e.partitions ?? []);
  return latest;
}

describe('kafka consumer options', () => {
  it('reports each member’s assigned partitions as N members join one group', async () => {
    const { transport, events } = kafka.transport();
    const topic = kafka.topicName('cons-members');
    const groupId = kafka.groupId('cons-members');
    await transport.ensureTopic({ topic, partitions: 3 });
    const members = await Promise.all(
      [1, 2, 3].map(() =>
        transport.subscribe({ topic, groupId, fromBeginning: true, onMessage: async () => {} }),
      ),
    );
    expect(members.map((m) => m.member).sort()).toEqual([`${groupId}#1`, `${groupId}#2`, `${groupId}#3`]);
    await waitFor('three members holding one partition each', () => {
      const held = [...assignments(events).values()];
      return held.length === 3 && held.every((p) => p.length === 1) && held.flat().sort().join() === '0,1,2';
    });
    await members[2].close();
    await waitFor('the two remaining members to take over its partition', () => {
      const held = [...assignments(events).entries()].filter(([member]) => member !== members[2].member);
      return (
        held
          .flatMap(([, p]) => p)
          .sort()
          .join() === '0,1,2'
      );
    });
    const rebalance = events.find((e) => e.type === 'rebalance');
    expect(rebalance).toMatchObject({ groupId, detail: expect.stringContaining(`${topic}[`) });
  });

  it('starts a new group at the end with fromBeginning false, and at the start with true', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('cons-latest');
    await transport.ensureTopic({ topic, partitions: 1 });
    const producer = await transport.createProducer();
    await producer.send(topic, messages(0, 5));
    const latest: number[] = [];
    const earliest: number[] = [];
    await transport.subscribe({
      topic,
      groupId: kafka.groupId('cons-latest'),
      fromBeginning: false,
      onMessage: async (m) => void latest.push(seqOf(m)),
    });
    await transport.subscribe({
      topic,
      groupId: kafka.groupId('cons-earliest'),
      fromBeginning: true,
      onMessage: async (m) => void earliest.push(seqOf(m)),
    });
    await producer.send(topic, messages(5, 5));
    await waitFor('both groups to read the second five', () => latest.length >= 5 && earliest.length >= 10);
    expect(latest).toEqual([5, 6, 7, 8, 9]);
    expect(earliest).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('hands records over in ordered batches of at most batchSize', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('cons-batch');
    await transport.ensureTopic({ topic, partitions: 2 });
    const producer = await transport.createProducer({ partitioner: 'round-robin' });
    await producer.send(topic, messages(0, 200));
    const batches: IncomingMessage[][] = [];
    await transport.subscribe({
      topic,
      groupId: kafka.groupId('cons-batch'),
      fromBeginning: true,
      batchSize: 30,
      onBatch: async (batch) => void batches.push(batch),
    });
    await waitFor('200 records in batches', () => batches.flat().length >= 200);
    expect(batches.flat()).toHaveLength(200);
    expect(batches.every((b) => b.length >= 1 && b.length <= 30)).toBe(true);
    expect(batches.some((b) => b.length === 30)).toBe(true);
    // One partition per batch, offsets consecutive within it.
    for (const batch of batches) {
      expect(new Set(batch.map((m) => m.partition)).size).toBe(1);
      const offsets = batch.map((m) => Number(m.offset));
      expect(offsets).toEqual(offsets.map((_, i) => offsets[0] + i));
    }
  });

  it('with manual commit, commits a record only once its handler resolved; lag per partition follows', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('cons-manual');
    const groupId = kafka.groupId('cons-manual');
    await transport.ensureTopic({ topic, partitions: 2 });
    const producer = await transport.createProducer();
    // Partition 0 gets 10 records, partition 1 gets 4.
    await producer.send(topic, [
      ...messages(0, 10).map((m) => ({ ...m, partition: 0 })),
      ...messages(10, 4).map((m) => ({ ...m, partition: 1 })),
    ]);
    const readings: PartitionLag[][] = [];
    const poller = pollLag(transport, { topic, groupId, intervalMs: 100, onLag: (r) => readings.push(r) });
    await waitFor('a first lag reading', () => readings.length > 0);
    expect(readings[0]).toEqual([
      { partition: 0, committed: null, end: '10', lag: 10 },
      { partition: 1, committed: null, end: '4', lag: 4 },
    ]);

    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const handled: number[] = [];
    try {
      await transport.subscribe({
        topic,
        groupId,
        fromBeginning: true,
        commit: 'manual',
        onMessage: async (m) => {
          if (seqOf(m) === 6) await held;
          handled.push(seqOf(m));
        },
      });
      // Record 6 (offset 6 of partition 0) is in its handler: offsets 0–5 are committed, 6 is not.
      await waitFor('commits up to the held record', () => readings.at(-1)?.[0].committed === '6');
      expect(readings.at(-1)?.[0]).toEqual({ partition: 0, committed: '6', end: '10', lag: 4 });
      // kafkajs hands one partition at a time to a member, so partition 1 may wait behind the
      // held record; it is either untouched or fully committed, never half.
      expect([null, '4']).toContain(readings.at(-1)?.[1].committed);
      expect(handled).not.toContain(6);
    } finally {
      release();
    }
    await waitFor('lag zero everywhere', () => readings.at(-1)?.every((r) => r.lag === 0) ?? false);
    expect(readings.at(-1)?.map((r) => r.committed)).toEqual(['10', '4']);
    expect(handled.filter((seq) => seq < 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await poller.close();
  });
});
