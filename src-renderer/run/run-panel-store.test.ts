import { describe, expect, it } from 'vitest';
import type { RunLogEntry } from '@shared/run/counters';
import { filterLog } from './run-panel-store';

const e = (seq: number, level: RunLogEntry['level']): RunLogEntry => ({
  seq,
  ts: seq,
  level,
  message: String(seq),
});

describe('filterLog', () => {
  const log = [e(1, 'info'), e(2, 'warning'), e(3, 'error')];
  it('keeps everything, warnings and errors, or errors only', () => {
    expect(filterLog(log, 'all')).toBe(log);
    expect(filterLog(log, 'problems').map((x) => x.seq)).toEqual([2, 3]);
    expect(filterLog(log, 'errors').map((x) => x.seq)).toEqual([3]);
  });
});
