import { describe, expect, it } from 'vitest';
import { compileContract } from './compile-contract';
import { ContractCompileError, PayloadDecodeError } from './contract-types';

const ORDER_SCHEMA = JSON.stringify({
  type: 'object',
  required: ['id', 'email', 'total', 'items'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string', format: 'email' },
    total: { type: 'number', minimum: 0 },
    status: { enum: ['new', 'paid', 'shipped'] },
    placedAt: { type: 'string', format: 'date-time' },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['sku', 'qty'],
        properties: {
          sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
          qty: { type: 'integer', minimum: 1 },
        },
      },
    },
  },
});

const contract = compileContract({ format: 'json-schema', schema: ORDER_SCHEMA });
const valid = {
  id: '0b9c5c3e-2f7a-4b7e-9a53-3c1f0c6f4d21',
  email: 'ada@example.com',
  total: 12.5,
  items: [{ sku: 'ABC-1234', qty: 2 }],
};

describe('JSON Schema contracts', () => {
  it('accept a valid payload', () => {
    expect(contract.validate(valid)).toEqual({ ok: true });
  });

  it('report every violation with its path', () => {
    const verdict = contract.validate({
      id: 'x',
      total: -1,
      items: [{ sku: 'abc', qty: 0 }],
      extra: true,
    });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.errors).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'is required' },
        { path: 'extra', message: 'is not allowed by the schema' },
        { path: 'id', message: 'must match format "uuid"' },
        { path: 'total', message: 'must be >= 0' },
        { path: 'items[0].sku', message: 'must match pattern "^[A-Z]{3}-\\d{4}$"' },
        { path: 'items[0].qty', message: 'must be >= 1' },
      ]),
    );
  });

  it('round-trip JSON text and flag payloads that are not JSON', () => {
    const bytes = contract.encode(valid);
    expect(bytes.toString('utf8')).toBe(JSON.stringify(valid));
    expect(contract.decode(bytes)).toEqual({ value: valid });
    expect(() => contract.decode(Buffer.from('{"id": '))).toThrow(PayloadDecodeError);
    expect(contract.check(Buffer.from('not json'))).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/^payload is not JSON text/) }],
    });
    expect(contract.check(Buffer.from('{"id": 1}'))).toMatchObject({ ok: false, value: { id: 1 } });
  });

  it('fake payloads that satisfy their own schema, the same for the same seq', () => {
    for (let seq = 0; seq < 200; seq += 1) {
      const value = contract.fake(seq);
      expect(contract.validate(value), `seq ${seq}: ${JSON.stringify(value)}`).toEqual({ ok: true });
    }
    expect(contract.fake(7)).toEqual(contract.fake(7));
    expect(contract.fake(7)).not.toEqual(contract.fake(8));
  });

  it('read the 2020-12 dialect when the schema says so', () => {
    const c = compileContract({
      format: 'json-schema',
      schema: JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'array',
        prefixItems: [{ type: 'string' }, { type: 'integer' }],
        items: false,
      }),
    });
    expect(c.validate(['a', 1])).toEqual({ ok: true });
    expect(c.validate(['a', 'b'])).toEqual({
      ok: false,
      errors: [{ path: '[1]', message: 'must be integer' }],
    });
  });

  it('refuse a broken schema naming the field and the line', () => {
    const compile = (schema: string): ContractCompileError => {
      try {
        compileContract({ format: 'json-schema', schema });
      } catch (err) {
        if (err instanceof ContractCompileError) return err;
        throw err;
      }
      throw new Error('compiled');
    };
    const syntax = compile('{\n  "type": "object",\n}');
    expect(syntax.field).toBe('contract.schema');
    expect(syntax.line).toBe(3);
    expect(syntax.message).toMatch(/^contract\.schema is not valid JSON: .*\(line 3, column 1\)$/);
    expect(compile('{"type": "objekt"}').message).toMatch(
      /^contract\.schema is not a valid JSON Schema: schema is invalid: data\/type/,
    );
    expect(compile('[1, 2]').message).toBe('contract.schema must be a JSON object (a JSON Schema)');
  });
});
