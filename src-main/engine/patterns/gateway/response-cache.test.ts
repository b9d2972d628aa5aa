import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache';

const r = (s: string): { status: number; headers: Record<string, string>; body: Buffer } => ({
  status: 200,
  headers: {},
  body: Buffer.from(s),
});

describe('ResponseCache', () => {
  it('serves an entry until its TTL is up', () => {
    const c = new ResponseCache();
    c.set('GET /a', r('a'), 100, 0);
    expect(c.get('GET /a', 99)?.body.toString()).toBe('a');
    expect(c.get('GET /a', 100)).toBeUndefined();
  });

  it('drops the oldest entry past the limit', () => {
    const c = new ResponseCache(2);
    c.set('1', r('1'), 1000, 0);
    c.set('2', r('2'), 1000, 0);
    c.set('3', r('3'), 1000, 0);
    expect(c.get('1', 1)).toBeUndefined();
    expect(c.get('3', 1)?.body.toString()).toBe('3');
  });
});
