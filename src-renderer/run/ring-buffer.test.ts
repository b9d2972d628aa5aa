import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps the latest values, oldest first, once it wraps', () => {
    const r = new RingBuffer(3);
    for (const v of [1, 2, 3, 4, 5]) r.push(v);
    expect(r.length).toBe(3);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.at(0)).toBe(3);
    expect(r.max()).toBe(5);
  });

  it('holds fewer values than its capacity before it fills', () => {
    const r = new RingBuffer(60);
    r.push(7);
    r.push(2);
    expect(r.toArray()).toEqual([7, 2]);
    expect(r.max()).toBe(7);
  });

  it('starts over when cleared and refuses a capacity below one', () => {
    const r = new RingBuffer(2);
    r.push(1);
    r.clear();
    expect(r.toArray()).toEqual([]);
    expect(r.max()).toBe(0);
    expect(() => new RingBuffer(0)).toThrow(/capacity/);
  });
});
