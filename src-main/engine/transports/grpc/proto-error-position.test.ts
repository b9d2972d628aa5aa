import { describe, expect, it } from 'vitest';
import { columnOfToken, protoErrorPosition } from './proto-error-position';

describe('protoErrorPosition', () => {
  it('takes the line from the parser and finds the offending token on it', () => {
    const source = 'syntax = "proto3";\nmessage A {\n  string a = 1\n  int32 b = 2;\n}\n';
    expect(protoErrorPosition("illegal token 'int32', ';' expected (line 4)", source)).toEqual({
      message: "illegal token 'int32', ';' expected",
      line: 4,
      column: 3,
    });
  });

  it('strips a file name protobufjs put in the position', () => {
    expect(
      protoErrorPosition("illegal name 'x' (a.proto, line 2)", 'syntax = "proto3";\nmessage 9x {}\n'),
    ).toEqual({
      message: "illegal name 'x'",
      line: 2,
      column: 10,
    });
  });

  it('places an unresolved type at the first line that uses it, outside comments', () => {
    const source = 'syntax = "proto3";\n// Money is defined elsewhere\nmessage A {\n  Money total = 1;\n}\n';
    expect(protoErrorPosition("no such Type or Enum 'Money' in Type .A", source)).toEqual({
      message: "no such Type or Enum 'Money' in Type .A",
      line: 4,
      column: 3,
    });
    expect(
      protoErrorPosition('no such type: pkg.Req', 'service S {\n  rpc A (pkg.Req) returns (B);\n}'),
    ).toMatchObject({
      line: 2,
      column: 10,
    });
  });

  it('leaves the position out when nothing names one', () => {
    expect(protoErrorPosition('duplicate name in Type .A', 'message A {}')).toEqual({
      message: 'duplicate name in Type .A',
    });
  });
});

describe('columnOfToken', () => {
  it('is 1-based and ignores line comments', () => {
    expect(columnOfToken('a\n  foo // foo', 2, 'foo')).toBe(3);
    expect(columnOfToken('a\n// foo', 2, 'foo')).toBeUndefined();
    expect(columnOfToken('a', 5, 'a')).toBeUndefined();
  });
});
