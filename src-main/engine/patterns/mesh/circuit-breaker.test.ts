import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type BreakerState } from './circuit-breaker';

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and refuses calls', () => {
    const seen: BreakerState[] = [];
    const b = new CircuitBreaker({ failureThreshold: 3, openMs: 1000 }, (s) => seen.push(s));
    b.failure(0);
    b.success();
    b.failure(1);
    b.failure(2);
    expect(b.state(2)).toBe('closed');
    b.failure(3);
    expect(b.state(3)).toBe('open');
    expect(b.allow(500)).toBe(false);
    expect(seen).toEqual(['open']);
  });

  it('lets one trial call through when half-open; success closes it', () => {
    const b = new CircuitBreaker({ failureThreshold: 1, openMs: 1000 });
    b.failure(0);
    expect(b.state(999)).toBe('open');
    expect(b.state(1000)).toBe('half-open');
    expect(b.allow(1000)).toBe(true);
    expect(b.allow(1001)).toBe(false);
    b.success();
    expect(b.state(1002)).toBe('closed');
    expect(b.allow(1002)).toBe(true);
  });

  it('a failed trial opens it again for another full period', () => {
    const b = new CircuitBreaker({ failureThreshold: 2, openMs: 100 });
    b.failure(0);
    b.failure(0);
    expect(b.allow(100)).toBe(true);
    b.failure(150);
    expect(b.state(200)).toBe('open');
    expect(b.state(250)).toBe('half-open');
  });
});
