import { describe, expect, it } from 'vitest';
import { RunHistory } from './run-history';

describe('RunHistory', () => {
  it('aligns columns with the timeline, gaps as null, new columns back-filled', () => {
    const h = new RunHistory(8);
    h.append(1, { a: 10 });
    h.append(2, { a: 20, b: 5 });
    h.append(3, { b: 6 });
    expect(h.timeline()).toEqual([1, 2, 3]);
    expect(h.column('a')).toEqual([10, 20, null]);
    expect(h.column('b')).toEqual([null, 5, 6]);
    expect(h.column('missing')).toEqual([null, null, null]);
  });

  it('halves its resolution when full, keeping the start of the run and every value', () => {
    const h = new RunHistory(4, (key) => (key === 'p99' ? 'max' : 'mean'));
    for (let t = 1; t <= 5; t++) h.append(t, { rate: t * 10, p99: t });
    // 4 rows merged into 2 (times 2 and 4), then row 5 added.
    expect(h.timeline()).toEqual([2, 4, 5]);
    expect(h.column('rate')).toEqual([15, 35, 50]);
    expect(h.column('p99')).toEqual([2, 4, 5]);
    for (let t = 6; t <= 40; t++) h.append(t, { rate: 1 });
    expect(h.length).toBeLessThanOrEqual(4);
    expect(h.timeline()[h.length - 1]).toBe(40);
  });

  it('merges a value with a gap into the value', () => {
    const h = new RunHistory(4);
    h.append(1, { a: 3 });
    h.append(2, {});
    h.append(3, {});
    h.append(4, { a: 8 });
    h.append(5, { a: 1 });
    expect(h.column('a')).toEqual([3, 8, 1]);
  });

  it('ranks by the sum of the latest rows and turns non-finite values into gaps', () => {
    const h = new RunHistory(6);
    h.append(1, { a: 100, b: 1 });
    h.append(2, { a: 0, b: Number.NaN });
    h.append(3, { a: 0, b: 9 });
    expect(h.recentSum('a', 2)).toBe(0);
    expect(h.recentSum('b', 2)).toBe(9);
    expect(h.column('b')).toEqual([1, null, 9]);
  });
});
