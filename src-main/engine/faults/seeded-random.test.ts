import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock';
import { sleep } from './clock';
import { jittered, seededRandom } from './seeded-random';
import { shuffledOutOfOrder } from './shuffle';

describe('seededRandom', () => {
  it('replays the same sequence for the same seed, in [0, 1) with a mean near 0.5', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(draws);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(Math.abs(draws.reduce((s, x) => s + x, 0) / draws.length - 0.5)).toBeLessThan(0.01);
    expect(seededRandom(2)()).not.toBe(draws[0]);
  });

  it('jitters within the spread and never below zero', () => {
    const r = seededRandom(3);
    const xs = Array.from({ length: 1000 }, () => jittered(r, 10, 30));
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(40);
    expect(jittered(r, 25, 0)).toBe(25);
  });
});

describe('shuffledOutOfOrder', () => {
  it('never returns the original order of two or more items', () => {
    const r = seededRandom(5);
    for (let i = 0; i < 200; i++) expect(shuffledOutOfOrder([1, 2], r)).toEqual([2, 1]);
    expect(shuffledOutOfOrder([1], r)).toEqual([1]);
  });
});

describe('ManualClock', () => {
  it('fires timers in time order as it advances, and cancelled ones never', async () => {
    const clock = new ManualClock(1000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 20);
    clock.setTimeout(() => fired.push('a'), 10);
    const cancel = clock.setTimeout(() => fired.push('never'), 15);
    cancel();
    const slept = sleep(clock, 30).then(() => fired.push(`slept at ${clock.now()}`));
    clock.advance(25);
    expect(fired).toEqual(['a', 'b']);
    clock.advance(5);
    await slept;
    expect(fired).toEqual(['a', 'b', 'slept at 1030']);
  });
});
