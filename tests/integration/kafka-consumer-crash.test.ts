import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage, TransportEvent } from '../../src-main/engine/transports/transport';
import { waitFor } from './helpers/brokers';
import { createKafkaFixture } from './helpers/kafka-fixture';
import type { KafkaFixture } from './helpers/kafka-fixture';

let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => kafka.cleanup());

const messages = (from: number, n: number): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({ headers: { seq: String(from + i) }, payload: Buffer.from('x') }));
const crashes = (events: TransportEvent[]): Array<Extract<TransportEvent, { type: 'consumer-crashed' }>> =>
  events.flatMap((e) => (e.type === 'consumer-crashed' ? [e] : []));

describe('kafka consumer crashes', () => {
  it('stops a member whose handler fails for good, says why, and restarts it from the last commit', async () => {
    const { transport, events } = kafka.transport();
    const topic = kafka.topicName('crash-handler');
    const groupId = kafka.groupId('crash-handler');
    await transport.ensureTopic({ topic, partitions: 1 });
    const producer = await transport.createProducer();
    await producer.send(topic, messages(0, 6));
    const handled: number[] = [];
    let failNext = true;
    const member = await transport.subscribe({
      topic,
      groupId,
      fromBeginning: true,
      commit: 'manual',
      onMessage: async (m) => {
        const seq = Number(m.headers.seq);
        if (seq === 3 && failNext) {
          failNext = false;
          // A bug in the handler: kafkajs treats a TypeError as not worth retrying.
          throw new TypeError('cannot read properties of undefined (reading "total")');
        }
        handled.push(seq);
      },
    });
    await waitFor('the crash', () => crashes(events).length > 0);
    expect(crashes(events)).toEqual([
      {
        type: 'consumer-crashed',
        groupId,
        member: member.member,
        error: 'cannot read properties of undefined (reading "total")',
        restarting: false,
      },
    ]);
    expect(member.state()).toEqual({
      state: 'crashed',
      error: 'cannot read properties of undefined (reading "total")',
    });
    expect(handled).toEqual([0, 1, 2]);

    await member.restart();
    expect(member.state()).toEqual({ state: 'running' });
    await waitFor('the rest after the restart', () => handled.length === 6);
    // 0–2 were committed before the crash and are not read again; 3 is, since it never finished.
    expect(handled).toEqual([0, 1, 2, 3, 4, 5]);
    await producer.send(topic, messages(6, 2));
    await waitFor('new records after the restart', () => handled.length === 8);
    expect(crashes(events)).toHaveLength(1);
  });

  it('stops a member whose topic is deleted under it, naming the topic, instead of restarting forever', async () => {
    const { transport, events } = kafka.transport();
    const topic = kafka.topicName('crash-deleted');
    await transport.ensureTopic({ topic, partitions: 1 });
    const member = await transport.subscribe({
      topic,
      groupId: kafka.groupId('crash-deleted'),
      fromBeginning: true,
      onMessage: async () => {},
    });
    await kafka.admin.deleteTopics({ topics: [topic] });
    await waitFor('the member to stop', () => member.state().state === 'crashed', 60_000);
    const stopped = crashes(events).filter((e) => !e.restarting);
    expect(stopped).toHaveLength(1);
    expect(stopped[0].error).toMatch(new RegExp(`^Topic "${topic}" does not exist on the cluster`));
    // kafkajs alone would restart it five times a second; it stays stopped.
    const count = crashes(events).length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(crashes(events)).toHaveLength(count);
    expect(await kafka.admin.listTopics()).not.toContain(topic);
    // A restart cannot bring back a missing topic: it fails with the same reason.
    await expect(member.restart()).rejects.toThrow(`Topic "${topic}" does not exist on the cluster`);
    expect(member.state()).toMatchObject({ state: 'crashed' });
  });
});
