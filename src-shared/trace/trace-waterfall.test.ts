import { describe, expect, it } from 'vitest';
import { buildWaterfall } from './trace-waterfall';
import { ev } from './trace-test-events';

describe('buildWaterfall', () => {
  it('nests deliveries under their produce and settles under their delivery, with offsets and durations', () => {
    const w = buildWaterfall([
      ev('p', null, { nodeId: 'prod', ts: 1000, durationMs: 4 }),
      ev('d', 'p', { nodeId: 'cons', kind: 'deliver', ts: 1010 }),
      ev('a', 'd', { nodeId: 'cons', kind: 'ack', ts: 1030, durationMs: 20 }),
    ]);
    expect(w.rows.map((r) => [r.label, r.depth, r.start, r.duration, r.outcome])).toEqual([
      ['produce', 0, 0, 4, 'ok'],
      ['deliver', 1, 10, 40, 'ok'],
      ['ack', 2, 30, 20, 'ok'],
    ]);
    expect(w.total).toBe(50);
    expect(w.spanCount).toBe(3);
  });

  it('groups a delivery and its redeliveries into one row with an attempt count; the last settle decides', () => {
    const w = buildWaterfall([
      ev('p', null, { nodeId: 'prod', ts: 0 }),
      ev('d1', 'p', { nodeId: 'cons', kind: 'deliver', ts: 1 }),
      ev('n1', 'd1', { nodeId: 'cons', kind: 'nack', ts: 2, error: 'db down' }),
      ev('d2', 'p', { nodeId: 'cons', kind: 'redeliver', ts: 3 }),
      ev('n2', 'd2', { nodeId: 'cons', kind: 'nack', ts: 4 }),
      ev('d3', 'p', { nodeId: 'cons', kind: 'redeliver', ts: 5 }),
      ev('a3', 'd3', { nodeId: 'cons', kind: 'ack', ts: 6 }),
      ev('d4', 'p', { nodeId: 'other', kind: 'deliver', ts: 2 }),
    ]);
    const rows = w.rows.map((r) => [r.label, r.depth, r.attempts, r.attempt, r.outcome]);
    expect(rows).toEqual([
      ['produce', 0, 1, undefined, 'ok'],
      ['retry', 1, 3, undefined, 'ok'],
      ['nack', 2, 1, 1, 'nacked'],
      ['nack', 2, 1, 2, 'nacked'],
      ['ack', 2, 1, 3, 'ok'],
      ['deliver', 1, 1, undefined, 'open'],
    ]);
    expect(w.rows[1].error).toBe('db down');
    expect(w.rows[1].duration).toBe(5);
  });

  it('marks a delivery whose last attempt was nacked as dead-lettered, and errors and drops as such', () => {
    const w = buildWaterfall([
      ev('p', null, { ts: 0 }),
      ev('d', 'p', { nodeId: 'c', kind: 'deliver', ts: 1 }),
      ev('n', 'd', { nodeId: 'c', kind: 'nack', ts: 2, error: 'bad' }),
      ev('e', null, { kind: 'error', ts: 3, error: 'broker said no' }),
      ev('x', 'p', { nodeId: 'f', kind: 'drop', ts: 4 }),
    ]);
    expect(w.rows.map((r) => [r.key, r.outcome])).toEqual([
      ['p', 'ok'],
      ['d', 'dead-lettered'],
      ['n', 'nacked'],
      ['x', 'dropped'],
      ['e', 'error'],
    ]);
  });

  it('puts spans whose parent is not in the trace at the top, and copes with a 10,000-span chain', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) =>
      ev(`s${i}`, i === 0 ? 'missing' : `s${i - 1}`, { kind: 'call', ts: i }),
    );
    const w = buildWaterfall(chain);
    expect(w.rows).toHaveLength(10_000);
    expect(w.rows[0].depth).toBe(0);
    expect(w.rows[9_999].depth).toBe(9_999);
    expect(buildWaterfall([]).rows).toEqual([]);
  });
});
