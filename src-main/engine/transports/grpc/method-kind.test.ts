import { describe, expect, it } from 'vitest';
import { methodKind } from './method-kind';

describe('methodKind', () => {
  it('names the four shapes from the stream flags', () => {
    expect(methodKind({ requestStream: false, responseStream: false })).toBe('unary');
    expect(methodKind({ requestStream: false, responseStream: true })).toBe('server-streaming');
    expect(methodKind({ requestStream: true, responseStream: false })).toBe('client-streaming');
    expect(methodKind({ requestStream: true, responseStream: true })).toBe('bidi');
  });
});
