import { describe, expect, it } from 'vitest';
import { RowPacker } from './packed-rows';
import { unpackRows } from './read-packed-rows';
import { sampleEvent, sampleMessage, spanId } from './test-fixtures';

describe('packed rows', () => {
  it('round-trips messages and events, optional fields absent when they were absent', () => {
    const packer = new RowPacker();
    const plain = sampleMessage();
    // Bigger than the writer's first buffer, so it has to grow mid-batch.
    const keyed = sampleMessage({ key: 'clé ✓', partition: 2, payload: new Uint8Array(100_000).fill(7) });
    const bare = sampleEvent();
    const full = sampleEvent({
      kind: 'deliver',
      parentSpanId: 'ab'.repeat(8),
      partition: 0,
      offset: '41',
      key: '',
      messageId: 8,
      durationMs: 1.5,
      error: 'broker said: "no" 🙅',
    });
    packer.addMessage(7, plain);
    packer.addEvent(bare);
    packer.addMessage(8, keyed);
    packer.addEvent(full);
    expect(packer.size).toBe(4);

    const rows = packer.take();
    expect(packer.size).toBe(0);
    // Repeated values travel once per batch.
    expect(rows.strings).toEqual(['run-1', 'producer-1', 'kafka', 'orders', 'produce', 'deliver']);
    const { messages, events } = unpackRows(structuredClone(rows));
    expect(messages).toEqual([
      { ...plain, id: 7, payload: Buffer.from(plain.payload) },
      { ...keyed, id: 8, payload: expect.any(Buffer) },
    ]);
    // Compared as bytes: toEqual walks a 100 kB buffer element by element.
    expect(Buffer.from(keyed.payload).equals(messages[1].payload)).toBe(true);
    expect(Object.keys(messages[0])).not.toContain('key');
    expect(events).toEqual([bare, full]);
    expect(Object.keys(events[0])).not.toContain('partition');
  });

  it('copies payloads and leaves out header values that are not strings', () => {
    const packer = new RowPacker();
    const payload = new TextEncoder().encode('x');
    const headers = { a: '1', b: undefined } as unknown as Record<string, string>;
    packer.addMessage(2, sampleMessage({ payload, headers }));
    payload[0] = 0x79;
    const [message] = unpackRows(packer.take()).messages;
    expect(Buffer.from(message.payload).toString()).toBe('x');
    expect(message.headers).toEqual({ a: '1' });
  });

  it('starts each batch empty, with its own table of repeated values', () => {
    const packer = new RowPacker();
    packer.addEvent(sampleEvent({ runId: 'a' }));
    packer.take();
    packer.addEvent(sampleEvent({ runId: 'b' }));
    const rows = packer.take();
    expect(rows.strings[0]).toBe('b');
    expect(unpackRows(rows).events.map((e) => e.runId)).toEqual(['b']);
  });

  it("folds an ack into its delivery's row while that row is in the batch, and reads both back", () => {
    const packer = new RowPacker();
    const deliver = sampleEvent({
      kind: 'deliver',
      spanId: spanId(2),
      parentSpanId: spanId(1),
      nodeId: 'c',
      partition: 1,
      offset: '7',
      messageId: 3,
    });
    const ack = {
      ...deliver,
      kind: 'ack' as const,
      spanId: spanId(3),
      parentSpanId: spanId(2),
      ts: deliver.ts + 2,
      durationMs: 2,
    };
    packer.addEvent(deliver);
    packer.addEvent(ack);
    expect(packer.size).toBe(1);
    const [row] = unpackRows(packer.take()).events;
    expect(row).toEqual({ ...deliver, ack: { spanId: spanId(3), ts: ack.ts, durationMs: 2 } });
  });

  it('gives an ack its own row when it differs from its delivery or the delivery was already taken', () => {
    const packer = new RowPacker();
    const deliver = sampleEvent({ kind: 'deliver', spanId: spanId(2), nodeId: 'c', messageId: 3 });
    const ack = {
      ...deliver,
      kind: 'ack' as const,
      spanId: spanId(3),
      parentSpanId: spanId(2),
      durationMs: 1,
    };
    packer.addEvent(deliver);
    packer.addEvent({ ...ack, error: 'settled late' });
    packer.addEvent({ ...ack, offset: '9' });
    const other = unpackRows(packer.take()).events;
    expect(other.map((e) => e.kind)).toEqual(['deliver', 'ack', 'ack']);
    expect(other[0]).not.toHaveProperty('ack');
    packer.addEvent(ack);
    expect(unpackRows(packer.take()).events).toEqual([ack]);
  });
});
