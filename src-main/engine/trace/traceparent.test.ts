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

  it('refuses malformed and all-zero headers', () => {
    expect(parseTraceparent(undefined)).toBeNull();
    expect(parseTraceparent('garbage')).toBeNull();
    expect(parseTraceparent(`00-${'0'.repeat(32)}-${'1'.repeat(16)}-01`)).toBeNull();
  });
});
