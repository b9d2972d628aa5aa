import { describe, expect, it } from 'vitest';
import { compilePredicate } from '@shared/flow/expressions/predicate';
import { NotJsonError, payloadJson, viewOf, withJson } from './behaviour-message';

describe('behaviour messages', () => {
  it('let predicates read key and headers of a message that is not JSON, and refuses its payload clearly', () => {
    const binary = viewOf({ key: 'k', headers: { h: '1' }, payload: Buffer.from([0xff, 0x00, 0x41]) });
    expect(compilePredicate('headers.h == "1" && key == "k"').test(binary)).toBe(true);
    expect(() => compilePredicate('$.a == 1').test(binary)).toThrow(NotJsonError);
    expect(() => compilePredicate('$.a == 1').test(binary)).toThrow(/^the payload is not JSON/);
    const empty = viewOf({ headers: {}, payload: Buffer.alloc(0) });
    expect(() => compilePredicate('$.a exists').test(empty)).toThrow('the payload is empty, not JSON');
  });

  it('parse the payload once and keep key, headers and output when the payload changes', () => {
    const m = { key: 'k', headers: { a: '1' }, payload: Buffer.from('{"x": 1}'), output: 'eu' };
    expect(payloadJson(m)).toEqual({ x: 1 });
    m.payload = Buffer.from('garbage');
    expect(payloadJson(m)).toEqual({ x: 1 });
    const out = withJson(m, [1, 2]);
    expect(out).toEqual({
      key: 'k',
      headers: { a: '1' },
      output: 'eu',
      payload: Buffer.from('[1,2]'),
      json: [1, 2],
    });
  });
});
