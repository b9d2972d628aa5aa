import { describe, expect, it } from 'vitest';
import { computeLag } from './kafka-lag';

describe('computeLag', () => {
  it('subtracts the committed offset from the end, per partition in order', () => {
    const bounds = [
      { partition: 1, low: '0', high: '10' },
      { partition: 0, low: '0', high: '7' },
    ];
    const committed = [
      { partition: 0, offset: '7' },
      { partition: 1, offset: '4' },
    ];
    expect(computeLag(bounds, committed)).toEqual([
      { partition: 0, committed: '7', end: '7', lag: 0 },
      { partition: 1, committed: '4', end: '10', lag: 6 },
    ]);
  });

  it('counts from the start of the log when the group never committed', () => {
    expect(computeLag([{ partition: 0, low: '3', high: '10' }], [{ partition: 0, offset: '-1' }])).toEqual([
      { partition: 0, committed: null, end: '10', lag: 7 },
    ]);
  });

  it('keeps offsets past 2^53 exact', () => {
    const [row] = computeLag(
      [{ partition: 0, low: '0', high: '9007199254740995' }],
      [{ partition: 0, offset: '9007199254740993' }],
    );
    expect(row).toEqual({ partition: 0, committed: '9007199254740993', end: '9007199254740995', lag: 2 });
  });
});
