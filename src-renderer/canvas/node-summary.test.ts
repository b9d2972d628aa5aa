import { describe, expect, it } from 'vitest';
import { starterConfig } from './new-node';
import { nodeSummary, shortCount } from './node-summary';

describe('nodeSummary', () => {
  it('shows the key values of each kind', () => {
    expect(nodeSummary({ type: 'kafkaTopic', data: { config: starterConfig('kafkaTopic') } })).toEqual([
      { label: 'topic', value: 'events' },
      { label: 'partitions', value: '3' },
    ]);
    expect(nodeSummary({ type: 'producer', data: { config: starterConfig('producer') } })[0]).toEqual({
      label: 'rate',
      value: '10 msg/s',
    });
  });

  it('shows a dash for a number being typed', () => {
    const config = { ...starterConfig('producer'), rate: Number.NaN };
    expect(nodeSummary({ type: 'producer', data: { config } })[0].value).toBe('— msg/s');
  });
});

describe('shortCount', () => {
  it('keeps small counts exact and shortens large ones', () => {
    expect(shortCount(0)).toBe('0');
    expect(shortCount(9999)).toBe('9999');
    expect(shortCount(12_345)).toBe('12.3k');
    expect(shortCount(2_500_000)).toBe('2.5M');
    expect(shortCount(3.25)).toBe('3.3');
  });
});
