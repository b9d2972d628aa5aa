import { describe, expect, it } from 'vitest';
import { RowPacker, unpackRows } from './packed-rows';
import { sampleEvent, sampleMessage } from './test-fixtures';

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
});
