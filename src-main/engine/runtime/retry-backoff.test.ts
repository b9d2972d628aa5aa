import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, RetryBackoff } from './retry-backoff';

describe('retry backoff', () => {
  it('doubles per failure of the same message, separately per message, up to the cap', () => {
    const b = new RetryBackoff(100);
    expect([b.next('a'), b.next('a'), b.next('b'), b.next('a')]).toEqual([100, 200, 100, 400]);
    for (let i = 0; i < 20; i++) b.next('a');
    expect(b.next('a')).toBe(MAX_BACKOFF_MS);
  });

  it('starts again from the base once a message was handled, and waits nothing when off', () => {
    const b = new RetryBackoff(50);
    b.next('a');
    b.forget('a');
    expect(b.next('a')).toBe(50);
    expect(new RetryBackoff(0).next('a')).toBe(0);
  });
});
