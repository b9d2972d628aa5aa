import { describe, expect, it } from 'vitest';
import { edgeLabel } from './edge-label';

describe('edgeLabel', () => {
  it('shows bindings, methods, router outputs and policies', () => {
    expect(edgeLabel({ routingKey: 'orders.created' }, null, null)).toBe('orders.created');
    expect(edgeLabel({ pattern: 'orders.#' }, null, null)).toBe('orders.#');
    expect(
      edgeLabel({ headerMatch: { xMatch: 'any', headers: { region: 'eu', tier: 'gold' } } }, null, null),
    ).toBe('any: region=eu, tier=gold');
    expect(edgeLabel(undefined, null, 'SayHello')).toBe('SayHello');
    expect(edgeLabel({ policy: 'retry-3' }, 'eu', null)).toBe('eu · ⊛ retry-3');
    expect(edgeLabel(undefined, null, null)).toBe('');
  });
});
