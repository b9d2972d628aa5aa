import { describe, expect, it } from 'vitest';
import { NodeStats } from './node-stats';
import { RunContext } from './run-context';

const ctx = (): RunContext =>
  new RunContext('run', { recordMessage: () => 1, recordEvent: () => undefined }, new NodeStats(['a', 'b']));

describe('RunContext pausing', () => {
  it('pauses every source, then resumes one while the others stay paused', () => {
    const c = ctx();
    c.setPaused(true);
    c.setPaused(false, ['a']);
    expect(c.isPaused('a')).toBe(false);
    expect(c.isPaused('b')).toBe(true);
    c.setPaused(true, ['a']);
    expect(c.isPaused('a')).toBe(true);
    c.setPaused(false);
    expect(c.isPaused('a')).toBe(false);
    expect(c.isPaused('b')).toBe(false);
  });

  it('pauses single nodes without touching the rest', () => {
    const c = ctx();
    c.setPaused(true, ['b']);
    expect(c.isPaused('a')).toBe(false);
    expect(c.isPaused('b')).toBe(true);
  });
});

describe('RunContext log', () => {
  it('counts a repeated message from the same node instead of adding a line', () => {
    const c = ctx();
    c.log('warning', 'a', 'HTTP 404');
    c.log('warning', 'a', 'HTTP 404');
    c.log('warning', 'b', 'HTTP 404');
    expect(c.logs.map((l) => [l.nodeId, l.repeats ?? 1])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(c.takeLogChanges()).toHaveLength(2);
    expect(c.takeLogChanges()).toHaveLength(0);
  });
});
