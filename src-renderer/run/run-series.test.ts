import { describe, expect, it } from 'vitest';
import { emptyCounters, type NodeCounters } from '@shared/run/counters';
import { p50Key, rateKey, RunSeries, SPARKLINE_SECONDS, TOTAL_KEY } from './run-series';

const node = (over: Partial<NodeCounters>): NodeCounters => ({
  ...emptyCounters(),
  status: 'running',
  ...over,
});

describe('RunSeries', () => {
  it('measures rates over the engine batch times, not over when the sample is taken', () => {
    const s = new RunSeries();
    s.sample('r', 1000, { p: node({ sent: 0 }), c: node({ received: 0 }) }, 1100);
    // The next batch is 500 ms later although the sample is taken a second later.
    s.sample('r', 1500, { p: node({ sent: 50 }), c: node({ received: 20, p50Ms: 3 }) }, 2100);
    expect(s.sparkline('p')?.toArray()).toEqual([0, 100]);
    expect(s.sparkline('c')?.toArray()).toEqual([0, 40]);
    expect(s.history.timeline()).toEqual([2.1]);
    expect(s.history.column(rateKey('p'))).toEqual([100]);
    expect(s.history.column(p50Key('c'))).toEqual([3]);
    expect(s.history.column(TOTAL_KEY)).toEqual([100]);
  });

  it('totals what sources send, so a message is not counted again at every hop', () => {
    const s = new RunSeries();
    const source = (id: string): boolean => id === 'p';
    s.sample('r', 0, { p: node({}), topic: node({}) }, 0, source);
    s.sample('r', 1000, { p: node({ sent: 30 }), topic: node({ received: 30, sent: 30 }) }, 1000, source);
    expect(s.history.column(TOTAL_KEY)).toEqual([30]);
  });

  it('records 0 when no newer batch arrived (the engine only stays quiet when nothing moved)', () => {
    const s = new RunSeries();
    s.sample('r', 1000, { p: node({ sent: 10 }) }, 1000);
    s.sample('r', 2000, { p: node({ sent: 20 }) }, 2000);
    s.sample('r', 2000, { p: node({ sent: 20 }) }, 3000);
    s.sample('r', 4000, { p: node({ sent: 40 }) }, 4000);
    expect(s.sparkline('p')?.toArray()).toEqual([0, 10, 0, 10]);
  });

  it('keeps one minute per sparkline and starts afresh for another run', () => {
    const s = new RunSeries();
    for (let i = 0; i <= SPARKLINE_SECONDS + 5; i++)
      s.sample('r1', i * 1000, { p: node({ sent: i }) }, i * 1000);
    expect(s.sparkline('p')?.length).toBe(SPARKLINE_SECONDS);
    s.sample('r2', 0, { q: node({}) }, 0);
    expect(s.sparkline('p')).toBeUndefined();
    expect(s.history.length).toBe(0);
  });

  it('ranks the busiest nodes and leaves idle ones out', () => {
    const s = new RunSeries();
    s.sample('r', 0, { a: node({}), b: node({}), idle: node({}) }, 0);
    s.sample('r', 1000, { a: node({ sent: 5 }), b: node({ received: 50 }), idle: node({}) }, 1000);
    expect(s.busiest(5)).toEqual(['b', 'a']);
    expect(s.busiest(1)).toEqual(['b']);
  });
});
