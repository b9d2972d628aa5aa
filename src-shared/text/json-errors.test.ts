import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, jsonSyntaxErrors } from './json-errors';

describe('jsonSyntaxErrors', () => {
  it('has nothing to say about valid JSON', () => {
    expect(jsonSyntaxErrors('{"type": "object", "required": ["id"], "n": -1.5e3}')).toEqual([]);
  });

  it('points at the line and column where the text goes wrong', () => {
    const text = '{\n  "type": "object",\n  "properties": {\n    "id": {"type": tru}\n  }\n}';
    const [err] = jsonSyntaxErrors(text);
    expect(err).toMatchObject({ line: 4, column: 20 });
    expect(err.message).not.toMatch(/is not valid JSON$/);
    expect(jsonSyntaxErrors('{\n  "a": 1,\n}')[0]).toMatchObject({ line: 3, column: 1 });
    expect(jsonSyntaxErrors('{\n  "a" 1\n}')[0]).toMatchObject({ line: 2, column: 7 });
    expect(jsonSyntaxErrors('{"a": 1}\nextra')[0]).toMatchObject({ line: 2, column: 1 });
    // Unfinished text: the error is at its end.
    expect(jsonSyntaxErrors('{\n  "a": [1, 2')[0]).toMatchObject({ line: 2 });
  });

  it('finds the offset for strings with raw line breaks and escapes', () => {
    expect(jsonErrorOffset('"a\\"b"')).toBe(-1);
    expect(jsonErrorOffset('"a\nb"')).toBe(2);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
  });
});
