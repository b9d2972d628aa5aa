import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram';

describe('LatencyHistogram', () => {
  it('reports p50 and p99 within 5 % of the exact values', () => {
    const h = new LatencyHistogram();
    const values = Array.from({ length: 10_000 }, (_, i) => 1 + (i % 1000) * 0.5); // 1 … 500.5 ms
    for (const v of values) h.observe(v);
    const sorted = [...values].sort((a, b) => a - b);
    const exact = (q: number): number => sorted[Math.ceil(q * sorted.length) - 1];
    for (const q of [0.5, 0.99]) {
      const got = h.quantile(q) as number;
      expect(Math.abs(got - exact(q)) / exact(q)).toBeLessThan(0.05);
    }
    expect(h.count).toBe(10_000);
  });

  it('has no quantiles before the first observation', () => {
    expect(new LatencyHistogram().quantile(0.5)).toBeUndefined();
  });

  it('keeps sub-millisecond and very slow latencies apart', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 98; i++) h.observe(0.2);
    h.observe(30_000);
    h.observe(30_000);
    expect(h.quantile(0.5)).toBeLessThan(0.25);
    expect(h.quantile(0.99)).toBeGreaterThan(25_000);
  });

  it('merges buckets into at most the bars asked for, keeping every observation', () => {
    const h = new LatencyHistogram();
    for (let ms = 0.05; ms < 20_000; ms *= 1.05) h.observe(ms);
    const bars = h.buckets(20);
    expect(bars.length).toBeLessThanOrEqual(20);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(h.count);
    for (let i = 1; i < bars.length; i++) expect(bars[i].le).toBeGreaterThan(bars[i - 1].le);
  });
});
