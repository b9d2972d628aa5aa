import { describe, expect, it } from 'vitest';
import { entryText, keepsState } from './node-state-view';

describe('node state in the inspector', () => {
  it('is shown for groups and for nodes with a state step', () => {
    expect(keepsState('group', {})).toBe(true);
    expect(keepsState('filter', { behaviours: [{ kind: 'transform' }, { kind: 'state' }] })).toBe(true);
    expect(keepsState('filter', { behaviours: [{ kind: 'transform' }] })).toBe(false);
    expect(keepsState('filter', { behaviours: 'oops' })).toBe(false);
  });

  it('words an entry by its key and the type of what it holds', () => {
    expect(entryText({ key: 'order-1', value: { type: 'InventoryReserved' }, at: 0 })).toBe(
      'order-1 · InventoryReserved',
    );
    expect(entryText({ key: 'order-2', value: 'text', at: 0 })).toBe('order-2');
  });
});
