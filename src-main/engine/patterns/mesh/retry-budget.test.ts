import { describe, expect, it } from 'vitest';
import { RetryBudget } from './retry-budget';

describe('RetryBudget', () => {
  it('allows the floor, then a share of the calls made', () => {
    const b = new RetryBudget(0.1, 2);
    expect([b.tryRetry(), b.tryRetry(), b.tryRetry()]).toEqual([true, true, false]);
    for (let i = 0; i < 10; i++) b.recordCall();
    expect(b.tryRetry()).toBe(true);
    expect(b.tryRetry()).toBe(false);
    expect(b.spent).toEqual({ calls: 10, retries: 3 });
  });
});
