import { describe, expect, it } from 'vitest';
import { elapsed, formatMs, formatRate, logTime } from './run-format';

describe('run formats', () => {
  it('writes latencies with a precision that fits their size', () => {
    expect(formatMs(0.423)).toBe('0.42 ms');
    expect(formatMs(4.25)).toBe('4.3 ms');
    expect(formatMs(42.4)).toBe('42 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(90_000)).toBe('1.5 min');
    expect(formatMs(undefined)).toBe('–');
    expect(formatMs(0)).toBe('0');
  });

  it('writes rates short', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(2)).toBe('2');
    expect(formatRate(2.46)).toBe('2.5');
    expect(formatRate(250.4)).toBe('250');
    expect(formatRate(25_300)).toBe('25.3k');
  });

  it('writes log times to the millisecond', () => {
    const ts = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    expect(logTime(ts)).toBe('03:04:05.006');
  });

  it('writes time into the run for chart axes', () => {
    expect(elapsed(5)).toBe('0:05');
    expect(elapsed(725)).toBe('12:05');
    expect(elapsed(3723)).toBe('1:02:03');
  });
});
