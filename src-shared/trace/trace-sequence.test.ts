import { describe, expect, it } from 'vitest';
import { traceToSequence } from './trace-sequence';
import { ev } from './trace-test-events';

describe('traceToSequence', () => {
  it('makes nodes lanes in order of appearance and hops arrows, replies back to the caller', () => {
    const names: Record<string, string> = { prod: 'Orders producer', svc: 'Billing' };
    const m = traceToSequence(
      [
        ev('d', 'p', { nodeId: 'cons', kind: 'deliver', ts: 5 }),
        ev('p', null, { nodeId: 'prod', ts: 1 }),
        ev('a', 'd', { nodeId: 'cons', kind: 'ack', ts: 6 }),
        ev('c', 'd', { nodeId: 'cons', kind: 'call', destination: 'b.Billing/Charge', ts: 7 }),
        ev('r', 'c', { nodeId: 'svc', kind: 'respond', destination: 'b.Billing/Charge', ts: 9 }),
        ev('e', 'r', { nodeId: 'svc', kind: 'error', ts: 10, error: 'x' }),
      ],
      (id) => names[id],
    );
    expect(m.participants).toEqual([
      { nodeId: 'prod', label: 'Orders producer' },
      { nodeId: 'cons', label: 'cons' },
      { nodeId: 'svc', label: 'Billing' },
    ]);
    expect(m.arrows.map((a) => [a.from, a.to, a.label, a.at, a.failed])).toEqual([
      [0, 0, 'produce orders', 0, false],
      [0, 1, 'deliver orders', 4, false],
      [1, 1, 'ack', 5, false],
      [1, 1, 'call b.Billing/Charge', 6, false],
      [2, 1, 'respond b.Billing/Charge', 8, false],
      [2, 2, 'error', 9, true],
    ]);
  });

  it('puts a hop after its parent even when both carry the same time', () => {
    const m = traceToSequence([
      ev('d', 'p', { nodeId: 'cons', kind: 'deliver', ts: 5 }),
      ev('a', 'd', { nodeId: 'cons', kind: 'ack', ts: 5 }),
      ev('p', null, { nodeId: 'prod', ts: 5 }),
    ]);
    expect(m.participants.map((p) => p.nodeId)).toEqual(['prod', 'cons']);
    expect(m.arrows.map((a) => a.kind)).toEqual(['produce', 'deliver', 'ack']);
  });

  it('gives a root hop nobody received its destination as a lane', () => {
    const m = traceToSequence([ev('p', null, { nodeId: 'prod', destination: 'jobs', transport: 'amqp' })]);
    expect(m.participants.map((p) => p.label)).toEqual(['prod', 'jobs']);
    expect(m.arrows[0]).toMatchObject({ from: 0, to: 1, label: 'produce jobs' });
  });
});
