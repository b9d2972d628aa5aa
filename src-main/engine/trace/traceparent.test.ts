import { describe, expect, it } from 'vitest';
import { formatTraceparent, newSpanId, newTraceId, parseTraceparent } from './traceparent';

describe('traceparent', () => {
  it('round-trips ids through the W3C header', () => {
    const ctx = { traceId: newTraceId(), spanId: newSpanId() };
    expect(ctx.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(ctx.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(parseTraceparent(formatTraceparent(ctx))).toEqual(ctx);
  });

  it('gives distinct ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newSpanId()));
    expect(ids.size).toBe(10_000);
  });

  it('makes trace ids that are distinct and sort by creation time', async () => {
    const first = Array.from({ length: 10_000 }, () => newTraceId());
    expect(new Set(first).size).toBe(10_000);
    await new Promise((r) => setTimeout(r, 5));
    const later = newTraceId();
    expect(first.every((id) => id < later)).toBe(true);
    // The time prefix is the creation time in milliseconds.
    const ms = parseInt(later.slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(1000);
  });

  it('refuses malformed and all-zero headers', () => {
    expect(parseTraceparent(undefined)).toBeNull();
    expect(parseTraceparent('garbage')).toBeNull();
    expect(parseTraceparent(`00-${'0'.repeat(32)}-${'1'.repeat(16)}-01`)).toBeNull();
  });
});
