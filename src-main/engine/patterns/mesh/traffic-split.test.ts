import { describe, expect, it } from 'vitest';
import { createSplitPicker } from './traffic-split';

describe('createSplitPicker', () => {
  it('maps the random draw onto the shares in order', () => {
    const draws = [0, 0.89, 0.9, 0.999];
    const pick = createSplitPicker(
      [
        { target: 'v1', weight: 90 },
        { target: 'v2', weight: 10 },
      ],
      () => draws.shift() ?? 0,
    );
    expect([pick(), pick(), pick(), pick()]).toEqual(['v1', 'v1', 'v2', 'v2']);
  });

  it('never picks a share of weight 0', () => {
    const pick = createSplitPicker(
      [
        { target: 'off', weight: 0 },
        { target: 'on', weight: 5 },
      ],
      () => 0,
    );
    expect(pick()).toBe('on');
  });

  it('holds a 90/10 split within 4 sigma over 10,000 picks', () => {
    const pick = createSplitPicker([
      { target: 'v1', weight: 90 },
      { target: 'v2', weight: 10 },
    ]);
    let canary = 0;
    for (let i = 0; i < 10_000; i++) if (pick() === 'v2') canary++;
    const sigma = Math.sqrt(10_000 * 0.1 * 0.9);
    expect(Math.abs(canary - 1000)).toBeLessThan(4 * sigma);
  });

  it('refuses a split with no live share', () => {
    expect(() => createSplitPicker([{ target: 'x', weight: 0 }])).toThrow(/at least one share/);
  });
});
