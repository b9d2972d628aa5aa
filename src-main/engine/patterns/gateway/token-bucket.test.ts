import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('lets a burst through, then refuses with the wait until the next token', () => {
    const b = new TokenBuckets(2, 3);
    expect([1, 2, 3].map(() => b.take('web', 0).ok)).toEqual([true, true, true]);
    expect(b.take('web', 0)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(b.take('web', 250)).toEqual({ ok: false, retryAfterMs: 250 });
    expect(b.take('web', 500).ok).toBe(true);
  });

  it('keeps one bucket per client', () => {
    const b = new TokenBuckets(1, 1);
    expect(b.take('mobile', 0).ok).toBe(true);
    expect(b.take('mobile', 10).ok).toBe(false);
    expect(b.take('partner', 10).ok).toBe(true);
  });

  it('never holds more than the burst after a long quiet spell', () => {
    const b = new TokenBuckets(10, 2);
    b.take('c', 0);
    const taken = [0, 0, 0].map(() => b.take('c', 60_000).ok);
    expect(taken).toEqual([true, true, false]);
  });

  it('refuses a rate that cannot refill', () => {
    expect(() => new TokenBuckets(0)).toThrow(/positive rate/);
  });
});
