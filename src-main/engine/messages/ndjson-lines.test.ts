import { describe, expect, it } from 'vitest';
import { ndjsonLines, parseImportLine } from './ndjson-lines';

describe('NDJSON import lines', () => {
  it('takes an exported record as that message, without its old trace header', () => {
    const m = parseImportLine(
      JSON.stringify({
        id: 3,
        key: 'k1',
        headers: { traceparent: '00-x-y-01', tenant: 't1' },
        payloadEncoding: 'base64',
        payload: Buffer.from([1, 2, 255]).toString('base64'),
      }),
      1,
    );
    expect(m).toEqual({ key: 'k1', headers: { tenant: 't1' }, payload: Buffer.from([1, 2, 255]) });
  });

  it('takes any other JSON value as the payload itself', () => {
    expect(parseImportLine('{"order": 7}', 1).payload.toString()).toBe('{"order":7}');
    expect(parseImportLine('"plain"', 1).payload.toString()).toBe('"plain"');
  });

  it('names the line and the problem', () => {
    expect(() => parseImportLine('{oops', 4)).toThrow(/^line 4: not JSON/);
    expect(() => parseImportLine('{"payload":"x","headers":{"a":1}}', 9)).toThrow(
      'line 9: header "a" must be a string',
    );
    expect(() => parseImportLine('{"payload":"x","payloadEncoding":"hex"}', 2)).toThrow(
      /line 2: payloadEncoding/,
    );
  });

  it('numbers lines from 1 and skips blank ones', () => {
    expect([...ndjsonLines('{"a":1}\n\n  \n{"b":2}\r\n')]).toEqual([
      { line: '{"a":1}', lineNo: 1 },
      { line: '{"b":2}', lineNo: 4 },
    ]);
  });
});
