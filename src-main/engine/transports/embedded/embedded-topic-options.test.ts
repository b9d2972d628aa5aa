import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../transport';
import { createEmbeddedTopics } from './embedded-topics';

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const msg = (i: number, extra: { key?: string; partition?: number } = {}) => ({
  headers: { n: String(i) },
  payload: Buffer.from(String(i)),
  ...extra,
});

describe('embedded topics with Kafka options', () => {
  it('accepts broker-only settings, spreads round-robin whatever the key, and honours explicit partitions', async () => {
    const t = createEmbeddedTopics();
    await t.ensureTopic({
      topic: 'o',
      partitions: 3,
      retentionMs: -1,
      cleanupPolicy: 'compact',
      maxMessageBytes: 2048,
    });
    const p = await t.createProducer({
      partitioner: 'round-robin',
      acks: 'none',
      compression: 'snappy',
      idempotent: true,
    });
    const spread = await p.send(
      'o',
      Array.from({ length: 6 }, (_, i) => msg(i, { key: 'same' })),
    );
    expect(spread.map((r) => r.partition)).toEqual([0, 1, 2, 0, 1, 2]);
    const pinned = await p.send('o', [msg(6, { key: 'x', partition: 1 })]);
    expect(pinned).toEqual([{ partition: 1, offset: '2' }]);
    await expect(p.send('o', [msg(7, { partition: 3 })])).rejects.toThrow(
      'Partition 3 does not exist on topic "o"',
    );
    await t.close();
  });

  it('hands records over in batches of at most batchSize, and reports lag and a member label', async () => {
    const t = createEmbeddedTopics();
    await t.ensureTopic({ topic: 'b', partitions: 1 });
    const p = await t.createProducer();
    await p.send(
      'b',
      Array.from({ length: 25 }, (_, i) => msg(i)),
    );
    expect(await t.lag({ topic: 'b', groupId: 'g' })).toEqual([
      { partition: 0, committed: null, end: '25', lag: 25 },
    ]);
    const batches: IncomingMessage[][] = [];
    const member = await t.subscribe({
      topic: 'b',
      groupId: 'g',
      fromBeginning: true,
      commit: 'manual',
      batchSize: 10,
      onBatch: async (batch) => void batches.push(batch),
    });
    await until(() => batches.flat().length === 25);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(batches.flat().map((m) => m.offset)).toEqual(Array.from({ length: 25 }, (_, i) => String(i)));
    expect(batches[0][0].destination).toBe('b');
    expect(await t.lag({ topic: 'b', groupId: 'g' })).toEqual([
      { partition: 0, committed: '25', end: '25', lag: 0 },
    ]);
    expect(member.member).toMatch(/^g#\d+$/);
    expect(member.state()).toEqual({ state: 'running' });
    await member.close();
    expect(member.state()).toEqual({ state: 'closed' });
    await expect(member.restart()).rejects.toThrow('closed');
    await t.close();
  });
});
