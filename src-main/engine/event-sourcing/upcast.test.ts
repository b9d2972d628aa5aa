import { describe, expect, it } from 'vitest';
import { eventUpcaster } from '@shared/flow/kinds/patterns';
import type { StoredEvent } from './stored-event';
import { compileUpcasters, upcasterProblems } from './upcast';

const v1: StoredEvent = {
  streamId: 'order-1',
  version: 1,
  type: 'OrderCreated',
  schemaVersion: 1,
  data: { amount: 12, customer: 'Ada' },
  recordedAt: 1,
};

describe('upcasters', () => {
  const steps = [
    eventUpcaster.parse({
      event: 'OrderCreated',
      fromVersion: 1,
      rename: { amount: 'total' },
      add: { currency: 'EUR' },
    }),
    eventUpcaster.parse({ event: 'OrderCreated', fromVersion: 2, add: { priority: '3', channel: 'web' } }),
  ];

  it('lift an old event through every step to the current schema, leaving the stored one unchanged', () => {
    const up = compileUpcasters(steps);
    expect(up.currentVersion('OrderCreated')).toBe(3);
    expect(up.currentVersion('OrderShipped')).toBe(1);
    const lifted = up.upcast(v1);
    expect(lifted).toEqual({
      ...v1,
      schemaVersion: 3,
      data: { total: 12, customer: 'Ada', currency: 'EUR', priority: 3, channel: 'web' },
    });
    expect(v1.data).toEqual({ amount: 12, customer: 'Ada' });
  });

  it('leave events already at the current schema, and fields already present, as they are', () => {
    const up = compileUpcasters(steps);
    const v2 = { ...v1, schemaVersion: 2, data: { total: 9, currency: 'USD' } };
    expect(up.upcast(v2).data).toEqual({ total: 9, currency: 'USD', priority: 3, channel: 'web' });
    const current = { ...v1, schemaVersion: 3 };
    expect(up.upcast(current)).toBe(current);
  });

  it('report a version lifted twice', () => {
    expect(upcasterProblems([steps[0], steps[1], steps[0]])).toEqual([
      { index: 2, message: 'OrderCreated v1 already has an upcaster above' },
    ]);
  });
});
