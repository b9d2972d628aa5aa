import { describe, expect, it } from 'vitest';
import { FieldChannels } from './field-channels';

describe('FieldChannels', () => {
  it('delivers each payload to every current subscriber of the field, in order', async () => {
    const channels = new FieldChannels();
    const a = channels.subscribe('orderPlaced');
    const b = channels.subscribe('orderPlaced');
    const other = channels.subscribe('orderShipped');
    expect(channels.publish('orderPlaced', 1)).toBe(2);
    expect(channels.publish('orderPlaced', 2)).toBe(2);
    expect([(await a.next()).value, (await a.next()).value]).toEqual([1, 2]);
    expect([(await b.next()).value, (await b.next()).value]).toEqual([1, 2]);
    const pending = other.next();
    channels.publish('orderShipped', 'x');
    expect(await pending).toEqual({ value: 'x', done: false });
  });

  it('unsubscribes on return, ending a pending next', async () => {
    const channels = new FieldChannels();
    const a = channels.subscribe('f');
    const pending = a.next();
    await a.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(channels.subscriberCount('f')).toBe(0);
    expect(channels.publish('f', 1)).toBe(0);
  });

  it('keeps a slow subscriber to its buffer limit by dropping the oldest payloads', async () => {
    const channels = new FieldChannels(3);
    const slow = channels.subscribe('f');
    for (let i = 1; i <= 5; i++) channels.publish('f', i);
    expect(channels.droppedCount('f')).toBe(2);
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await slow.next()).value);
    expect(got).toEqual([3, 4, 5]);
  });

  it('ends every subscription on closeAll', async () => {
    const channels = new FieldChannels();
    const a = channels.subscribe('f');
    const b = channels.subscribe('g');
    channels.closeAll();
    expect((await a.next()).done).toBe(true);
    expect((await b.next()).done).toBe(true);
  });
});
