import { describe, expect, it } from 'vitest';
import { emptyCounters } from '@shared/run/counters';
import { mergeCounters, useCountersStore } from './counters-store';

describe('mergeCounters', () => {
  it('keeps the previous object of nodes whose counters did not change', () => {
    const a = { ...emptyCounters(), sent: 5, status: 'running' as const };
    const b = { ...emptyCounters(), received: 1, status: 'running' as const };
    const merged = mergeCounters({ a, b }, { a: { ...a }, b: { ...b, received: 2 } });
    expect(merged.a).toBe(a);
    expect(merged.b).not.toBe(b);
    expect(merged.b.received).toBe(2);
  });

  it('keeps nodes missing from a batch', () => {
    const a = emptyCounters();
    expect(mergeCounters({ a }, {}).a).toBe(a);
  });
});

describe('useCountersStore', () => {
  it('starts afresh when counters of another run arrive', () => {
    const store = useCountersStore.getState();
    store.reset('r1', { x: emptyCounters() });
    store.apply('r2', { y: emptyCounters() });
    expect(Object.keys(useCountersStore.getState().byNode)).toEqual(['y']);
    expect(useCountersStore.getState().runId).toBe('r2');
  });
});
