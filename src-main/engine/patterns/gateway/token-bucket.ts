/**
 * A token bucket per client: `ratePerSec` tokens flow in continuously up to `burst`; a request
 * takes one. When none is left, the answer says how long until the next token arrives (what a
 * 429's Retry-After carries). Time is passed in, so the bucket is plain arithmetic.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number = ratePerSec,
  ) {
    if (!(ratePerSec > 0)) throw new Error(`a token bucket needs a positive rate, got ${ratePerSec}`);
    if (!(burst >= 1)) throw new Error(`a token bucket needs a burst of at least 1, got ${burst}`);
  }

  /** Takes a token for `client` at time `nowMs`; when refused, `retryAfterMs` is when one is back. */
  take(client: string, nowMs: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const b = this.buckets.get(client) ?? { tokens: this.burst, at: nowMs };
    const elapsed = Math.max(0, nowMs - b.at) / 1000;
    b.tokens = Math.min(this.burst, b.tokens + elapsed * this.ratePerSec);
    b.at = nowMs;
    this.buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - b.tokens) / this.ratePerSec) * 1000) };
  }
}
