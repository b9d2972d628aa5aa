import { describe, expect, it } from 'vitest';
import { exampleFromTemplate, inferSchema } from './infer-schema';

describe('exampleFromTemplate', () => {
  it('renders expressions as text inside strings and as numbers outside', () => {
    expect(exampleFromTemplate('{"n": {{seq}}, "id": "order-{{uuid}}", "q": "a \\" {{x}}"}')).toEqual({
      n: 0,
      id: 'order-text',
      q: 'a " text',
    });
  });

  it('gives null for a template that is not JSON', () => {
    expect(exampleFromTemplate('plain {{seq}}')).toBeNull();
    expect(exampleFromTemplate('{"a": {{seq}')).toBeNull();
  });
});

describe('inferSchema', () => {
  it('describes types, nested objects and arrays', () => {
    expect(inferSchema({ a: 1, b: 1.5, c: 'x', d: [true], e: null, f: {} })).toEqual({
      type: 'object',
      properties: {
        a: { type: 'integer' },
        b: { type: 'number' },
        c: { type: 'string' },
        d: { type: 'array', items: { type: 'boolean' } },
        e: { type: 'null' },
        f: { type: 'object', properties: {} },
      },
      required: ['a', 'b', 'c', 'd', 'e', 'f'],
    });
  });
});
