import { describe, expect, it } from 'vitest';
import { compileContract } from './compile-contract';
import { ContractCompileError, PayloadDecodeError, PayloadEncodeError } from './contract-types';

const ORDER_AVRO = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'email', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'createdAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED'] } },
    {
      name: 'items',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Item',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'quantity', type: 'int' },
          ],
        },
      },
    },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'attributes', type: { type: 'map', values: 'string' } },
    { name: 'checksum', type: { type: 'fixed', name: 'Checksum', size: 4 } },
    { name: 'parent', type: ['null', 'Order'], default: null },
  ],
});

const order = {
  id: 'o-1',
  email: 'ada@example.com',
  amount: 12.5,
  createdAt: 1_767_225_600_000,
  status: 'PAID',
  items: [{ sku: 'ABC', quantity: 2 }],
  note: null,
  attributes: { channel: 'web' },
  checksum: Buffer.from([1, 2, 3, 4]),
  parent: null,
};

const plain = compileContract({ format: 'avro', schema: ORDER_AVRO }, { encoding: 'avro' });
const framed = compileContract(
  { format: 'avro', schema: ORDER_AVRO },
  { encoding: 'avro-confluent', schemaId: 42 },
);

describe('Avro contracts', () => {
  it('accept a valid record', () => {
    expect(plain.validate(order)).toEqual({ ok: true });
  });

  it('report every violation with its path', () => {
    const { email: _email, ...withoutEmail } = order;
    const verdict = plain.validate({
      ...withoutEmail,
      amount: 'lots',
      status: 'LOST',
      items: [{ sku: 'A', quantity: 1.5, colour: 'red' }],
      note: 7,
      extra: true,
    });
    expect(verdict).toEqual({
      ok: false,
      errors: [
        { path: 'email', message: 'is required (a string)' },
        { path: 'amount', message: 'must be a number (double)' },
        { path: 'status', message: 'must be one of NEW, PAID, SHIPPED' },
        { path: 'items[0].quantity', message: 'must be a whole number from -2147483648 to 2147483647 (int)' },
        { path: 'note', message: "must be one of the union's types: null | string" },
        { path: 'extra', message: 'is not a field of shop.Order' },
        { path: 'items[0].colour', message: 'is not a field of shop.Item' },
      ],
    });
  });

  it('round-trip through Avro binary', () => {
    const bytes = plain.encode(order);
    expect(bytes[0]).toBe(6); // zigzag length 3 of "o-1"
    const { value, schemaId } = plain.decode(bytes);
    expect(schemaId).toBeUndefined();
    expect(value).toMatchObject({ ...order, checksum: Buffer.from([1, 2, 3, 4]) });
    expect(plain.toJson(value)).toMatchObject({ checksum: 'AQIDBA==' });
  });

  it('frame payloads in the Schema Registry wire format with the local schema id', () => {
    const bytes = framed.encode(order);
    expect([...bytes.subarray(0, 5)]).toEqual([0, 0, 0, 0, 42]);
    expect(bytes.subarray(5)).toEqual(plain.encode(order));
    expect(framed.decode(bytes)).toMatchObject({ value: { id: 'o-1' }, schemaId: 42 });
    expect(framed.schemaId).toBe(42);
  });

  it('say why framed bytes cannot be read', () => {
    const body = plain.encode(order);
    expect(() => framed.decode(Buffer.concat([Buffer.from([1, 0, 0, 0, 42]), body]))).toThrow(
      'wrong magic byte 0x01: a Schema Registry frame starts with 0x00',
    );
    expect(() => framed.decode(Buffer.concat([Buffer.from([0, 0, 0, 0, 7]), body]))).toThrow(
      "unknown schema id 7: this topic's schema id is 42",
    );
    expect(() => framed.decode(Buffer.from([0, 0, 0]))).toThrow(
      'truncated Schema Registry header: 3 of 5 bytes (magic byte + 4-byte schema id)',
    );
    const cut = framed.encode(order).subarray(0, 12);
    expect(() => framed.decode(cut)).toThrow(PayloadDecodeError);
    expect(() => framed.decode(cut)).toThrow('payload is not a valid Avro message: truncated buffer');
    expect(() => plain.decode(Buffer.concat([body, Buffer.from([0])]))).toThrow(/trailing data$/);
  });

  it('refuse to encode a value that breaks the schema', () => {
    expect(() => plain.encode({ ...order, amount: 'lots' })).toThrow(PayloadEncodeError);
    expect(() => plain.encode({ ...order, amount: 'lots' })).toThrow(
      'cannot encode as Avro shop.Order: amount must be a number (double)',
    );
  });

  it('fake records that satisfy their own schema, the same for the same seq', () => {
    for (let seq = 0; seq < 200; seq += 1) {
      const value = framed.fake(seq);
      expect(framed.validate(value), `seq ${seq}`).toEqual({ ok: true });
      expect(framed.check(framed.encode(value))).toMatchObject({ ok: true, schemaId: 42 });
    }
    expect(plain.fake(5)).toEqual(plain.fake(5));
    const sample = plain.fake(2) as Record<string, unknown>;
    expect(sample.email).toMatch(/@/);
    expect(sample.amount).toBeGreaterThanOrEqual(1);
  });

  it('fake primitive and wrapped-union schemas too', () => {
    const text = compileContract({ format: 'avro', schema: '"string"' }, { encoding: 'avro' });
    expect(typeof text.fake(1)).toBe('string');
    const union = compileContract({
      format: 'avro',
      schema: JSON.stringify([
        'null',
        'int',
        { type: 'record', name: 'A', fields: [{ name: 'x', type: 'long' }] },
      ]),
    });
    for (let seq = 0; seq < 50; seq += 1) expect(union.validate(union.fake(seq))).toEqual({ ok: true });
  });

  it('name the field of an invalid schema', () => {
    expect(() =>
      compileContract({
        format: 'avro',
        schema: '{"type": "record", "name": "X", "fields": [{"name": "a", "type": "strin"}]}',
      }),
    ).toThrow('contract.schema is not a valid Avro schema: undefined type name: strin');
    expect(() => compileContract({ format: 'avro', schema: '{"type": "record"' })).toThrow(
      ContractCompileError,
    );
  });
});
