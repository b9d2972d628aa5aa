import { describe, expect, it } from 'vitest';
import { activeHops, bucketWidth, countsAt, indexTimeline, type RunTimeline } from './run-timeline';

const timeline: RunTimeline = {
  runId: 'r',
  start: 1000,
  end: 1040,
  bucketMs: 10,
  buckets: 4,
  nodes: {
    prod: { produce: [2, 3, 0, 1] },
    cons: { deliver: [0, 2, 3, 1], ack: [0, 1, 3, 2] },
  },
  hops: [{ from: 'prod', to: 'cons', counts: [0, 2, 3, 1] }],
};

describe('run playback counts', () => {
  const index = indexTimeline(timeline);
  it('counts what happened by any moment: nothing before the start, everything after the end', () => {
    expect(countsAt(index, 900)).toEqual({});
    expect(countsAt(index, 1010)).toEqual({ prod: { produce: 2 } });
    expect(countsAt(index, 1025)).toEqual({ prod: { produce: 5 }, cons: { deliver: 2, ack: 1 } });
    expect(countsAt(index, 5000)).toEqual({ prod: { produce: 6 }, cons: { deliver: 6, ack: 6 } });
  });

  it('lights the hops crossed in the window before a moment, at least one bucket wide', () => {
    expect(activeHops(index, 1005, 10)).toEqual([]);
    expect(activeHops(index, 1030, 20)).toEqual([{ from: 'prod', to: 'cons', count: 5 }]);
    expect(activeHops(index, 1030, 1)).toEqual([{ from: 'prod', to: 'cons', count: 3 }]);
  });

  it('picks bucket widths that keep the bucket count bounded', () => {
    expect(bucketWidth(60_000, 600)).toBe(100);
    expect(bucketWidth(0, 600)).toBe(1);
    expect(Math.ceil(123_457 / bucketWidth(123_457, 500))).toBeLessThanOrEqual(500);
  });
});
