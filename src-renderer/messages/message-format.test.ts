import { describe, expect, it } from 'vitest';
import { byteSize, clockTime, payloadView } from './message-format';

describe('payloadView', () => {
  it('pretty-prints JSON', () => {
    expect(payloadView('{"seq":1}', null)).toEqual({ mode: 'json', text: '{\n  "seq": 1\n}' });
  });

  it('keeps text that is not JSON as it is', () => {
    expect(payloadView('<b>hi</b>', null)).toEqual({ mode: 'text', text: '<b>hi</b>' });
  });

  it('shows binary payloads as base64', () => {
    expect(payloadView(null, 'AAEC')).toEqual({ mode: 'base64', text: 'AAEC' });
    expect(payloadView(null, null).mode).toBe('empty');
  });
});

describe('formatting', () => {
  it('formats time and size', () => {
    expect(clockTime(new Date(2024, 0, 1, 9, 5, 7, 42).getTime())).toBe('09:05:07.042');
    expect(byteSize(512)).toBe('512 B');
    expect(byteSize(2048)).toBe('2.0 KB');
  });
});
