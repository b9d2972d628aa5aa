import { describe, expect, it } from 'vitest';
import type { IncomingMessage, QueueDelivery } from '../transport';
import { createEmbeddedQueues } from './embedded-queues';
import { createEmbeddedTopics } from './embedded-topics';

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const msg = (key: string, i: number) => ({ key, headers: { n: String(i) }, payload: Buffer.from(String(i)) });

describe('embedded topics', () => {
  it('splits partitions between group members and keeps order per key', async () => {
    const t = createEmbeddedTopics();
    await t.ensureTopic({ topic: 'orders', partitions: 3 });
    const got: Array<{ member: number; m: IncomingMessage }> = [];
    const a = await t.subscribe({
      topic: 'orders',
      groupId: 'g',
      fromBeginning: true,
      onMessage: async (m) => void got.push({ member: 1, m }),
    });
    await t.subscribe({
      topic: 'orders',
      groupId: 'g',
      fromBeginning: true,
      onMessage: async (m) => void got.push({ member: 2, m }),
    });
    const p = await t.createProducer();
    const receipts = await p.send(
      'orders',
      Array.from({ length: 90 }, (_, i) => msg(`k${i % 5}`, i)),
    );
    expect(receipts).toHaveLength(90);
    await until(() => got.length === 90);
    expect(new Set(got.map((g) => g.member)).size).toBe(2);
    for (let k = 0; k < 5; k++) {
      const seq = got.filter((g) => g.m.key === `k${k}`).map((g) => Number(g.m.headers.n));
      expect(seq).toEqual([...seq].sort((x, y) => x - y));
    }
    await a.close();
    await t.close();
  });

  it('delivers every message to each group (pub/sub across groups)', async () => {
    const t = createEmbeddedTopics();
    await t.ensureTopic({ topic: 'e', partitions: 2 });
    const g1: string[] = [];
    const g2: string[] = [];
    await t.subscribe({
      topic: 'e',
      groupId: 'one',
      fromBeginning: true,
      onMessage: async (m) => void g1.push(m.payload.toString()),
    });
    await t.subscribe({
      topic: 'e',
      groupId: 'two',
      fromBeginning: true,
      onMessage: async (m) => void g2.push(m.payload.toString()),
    });
    await (
      await t.createProducer()
    ).send(
      'e',
      Array.from({ length: 10 }, (_, i) => msg('', i)),
    );
    await until(() => g1.length === 10 && g2.length === 10);
  });

  it('starts a new group at the end unless from beginning', async () => {
    const t = createEmbeddedTopics();
    await t.ensureTopic({ topic: 'x', partitions: 1 });
    const p = await t.createProducer();
    await p.send('x', [msg('', 1)]);
    const latest: string[] = [];
    await t.subscribe({
      topic: 'x',
      groupId: 'late',
      fromBeginning: false,
      onMessage: async (m) => void latest.push(m.payload.toString()),
    });
    await p.send('x', [msg('', 2)]);
    await until(() => latest.length === 1);
    expect(latest).toEqual(['2']);
  });

  it('refuses a topic that does not exist', async () => {
    const t = createEmbeddedTopics();
    await expect((await t.createProducer()).send('missing', [msg('', 1)])).rejects.toThrow(/does not exist/);
  });
});

describe('embedded queues', () => {
  it('gives each message to exactly one competing consumer within prefetch', async () => {
    const q = createEmbeddedQueues();
    await q.ensureQueue({ queue: 'tasks', durable: false });
    const seen: string[] = [];
    let maxInflight = 0;
    let inflight = 0;
    const handler = async (d: QueueDelivery): Promise<void> => {
      inflight++;
      maxInflight = Math.max(maxInflight, inflight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(d.message.payload.toString());
      inflight--;
      d.ack();
    };
    await q.consume({ queue: 'tasks', prefetch: 2, onMessage: handler });
    await q.consume({ queue: 'tasks', prefetch: 2, onMessage: handler });
    await (
      await q.createPublisher()
    ).publish(
      'tasks',
      Array.from({ length: 50 }, (_, i) => msg('', i)),
    );
    await until(() => seen.length === 50);
    expect(new Set(seen).size).toBe(50);
    expect(maxInflight).toBeLessThanOrEqual(4);
  });

  it('requeues a nacked message as redelivered, and drops it without requeue', async () => {
    const q = createEmbeddedQueues();
    await q.ensureQueue({ queue: 'r', durable: false });
    const log: Array<[string, boolean]> = [];
    await q.consume({
      queue: 'r',
      prefetch: 1,
      onMessage: async (d) => {
        const body = d.message.payload.toString();
        log.push([body, d.message.redelivered === true]);
        if (body === '1' && !d.message.redelivered) d.nack(true);
        else if (body === '2') d.nack(false);
        else d.ack();
      },
    });
    await (await q.createPublisher()).publish('r', [msg('', 1), msg('', 2), msg('', 3)]);
    await until(() => log.length === 4);
    expect(log).toEqual([
      ['1', false],
      ['1', true],
      ['2', false],
      ['3', false],
    ]);
  });

  it('requeues unacked messages when their consumer closes', async () => {
    const q = createEmbeddedQueues();
    await q.ensureQueue({ queue: 'c', durable: false });
    const first = await q.consume({ queue: 'c', prefetch: 5, onMessage: async () => {} });
    await (await q.createPublisher()).publish('c', [msg('', 1), msg('', 2)]);
    await first.close();
    const got: Array<[string, boolean]> = [];
    await q.consume({
      queue: 'c',
      prefetch: 5,
      onMessage: async (d) => {
        got.push([d.message.payload.toString(), !!d.message.redelivered]);
        d.ack();
      },
    });
    await until(() => got.length === 2);
    expect(got).toEqual([
      ['1', true],
      ['2', true],
    ]);
  });
});
