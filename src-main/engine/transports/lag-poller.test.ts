import { describe, expect, it } from 'vitest';
import { createEmbeddedTopics } from './embedded/embedded-topics';
import { pollLag } from './lag-poller';
import type { PartitionLag } from './transport';

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('pollLag', () => {
  it('reports a lag that grows while nobody reads and falls to zero once a member does', async () => {
    const topics = createEmbeddedTopics();
    await topics.ensureTopic({ topic: 't', partitions: 2 });
    const producer = await topics.createProducer({ partitioner: 'round-robin' });
    await producer.send(
      't',
      Array.from({ length: 6 }, () => ({ headers: {}, payload: Buffer.from('x') })),
    );
    const readings: PartitionLag[][] = [];
    const poller = pollLag(topics, {
      topic: 't',
      groupId: 'g',
      intervalMs: 5,
      onLag: (r) => readings.push(r),
    });
    await until(() => readings.length > 0);
    expect(readings[0].map((r) => r.lag)).toEqual([3, 3]);
    expect(readings[0][0].committed).toBeNull();

    await topics.subscribe({ topic: 't', groupId: 'g', fromBeginning: true, onMessage: async () => {} });
    await until(() => readings.at(-1)?.every((r) => r.lag === 0) ?? false);
    expect(readings.at(-1)).toEqual([
      { partition: 0, committed: '3', end: '3', lag: 0 },
      { partition: 1, committed: '3', end: '3', lag: 0 },
    ]);
    await poller.close();
    const count = readings.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(readings.length).toBe(count);
    await topics.close();
  });

  it('passes failed readings to onError and keeps polling', async () => {
    const errors: string[] = [];
    let calls = 0;
    const poller = pollLag(
      {
        lag: async () => {
          calls += 1;
          throw new Error('broker away');
        },
      },
      { topic: 't', groupId: 'g', intervalMs: 1, onLag: () => {}, onError: (e) => errors.push(String(e)) },
    );
    await until(() => calls >= 3);
    await poller.close();
    expect(errors[0]).toBe('Error: broker away');
  });
});
