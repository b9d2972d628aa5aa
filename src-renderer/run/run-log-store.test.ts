import { describe, expect, it } from 'vitest';
import type { RunLogEntry } from '@shared/run/counters';
import { countLevels, MAX_LOG_LINES, mergeLog, useRunLogStore } from './run-log-store';

const line = (seq: number, over: Partial<RunLogEntry> = {}): RunLogEntry => ({
  seq,
  ts: 1000 + seq,
  level: 'warning',
  nodeId: 'n1',
  message: `m${seq}`,
  ...over,
});

describe('mergeLog', () => {
  it('replaces a counted-up line in place and appends new ones in seq order', () => {
    const prev = [line(1), line(2)];
    const merged = mergeLog(prev, [line(4), line(1, { repeats: 3 }), line(3)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(merged[0].repeats).toBe(3);
    expect(prev[0].repeats).toBeUndefined();
  });

  it('returns the same array when nothing came, and drops the oldest past the limit', () => {
    const prev = [line(1)];
    expect(mergeLog(prev, [])).toBe(prev);
    const many = Array.from({ length: MAX_LOG_LINES + 10 }, (_, i) => line(i + 1));
    const merged = mergeLog([], many);
    expect(merged).toHaveLength(MAX_LOG_LINES);
    expect(merged[0].seq).toBe(11);
  });
});

describe('useRunLogStore', () => {
  it('starts afresh when lines of another run arrive', () => {
    const s = useRunLogStore.getState();
    s.reset('r1', [line(1)]);
    s.apply('r1', [line(2)]);
    expect(useRunLogStore.getState().entries).toHaveLength(2);
    s.apply('r2', [line(1, { level: 'error' })]);
    expect(useRunLogStore.getState().entries).toHaveLength(1);
    expect(countLevels(useRunLogStore.getState().entries)).toEqual({ warning: 0, error: 1 });
  });
});
