import { describe, expect, it } from 'vitest';
import { compileContract } from './compile-contract';
import { ContractCompileError } from './contract-types';
import { frameRegistryPayload, readRegistryFrame } from './registry-frame';

describe('compileContract', () => {
  it('refuses an encoding that cannot carry the contract, naming the encoding field', () => {
    let error: unknown;
    try {
      compileContract({ format: 'json-schema', schema: '{}' }, { encoding: 'avro-confluent' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ContractCompileError);
    expect((error as ContractCompileError).field).toBe('encoding');
    expect((error as ContractCompileError).message).toBe(
      'encoding avro-confluent needs an Avro message contract (this topic declares json-schema)',
    );
  });

  it('without a contract accepts any JSON and has nothing to fake', () => {
    const none = compileContract({ format: 'none' });
    expect(none.validate({ anything: [1, 2] })).toEqual({ ok: true });
    expect(none.check(Buffer.from('[1]'))).toEqual({ ok: true, value: [1] });
    expect(none.check(Buffer.from('plain text'))).toEqual({ ok: true, value: undefined });
    expect(() => none.fake(1)).toThrow(
      'this destination declares no message contract to generate payloads from',
    );
  });

  it('carries an Avro contract as JSON text when the topic encodes JSON', () => {
    const avroAsJson = compileContract({ format: 'avro', schema: '{"type": "map", "values": "int"}' });
    expect(avroAsJson.encode({ a: 1 }).toString()).toBe('{"a":1}');
    expect(avroAsJson.check(Buffer.from('{"a": "x"}'))).toMatchObject({
      ok: false,
      errors: [{ path: 'a', message: 'must be a whole number from -2147483648 to 2147483647 (int)' }],
    });
  });
});

describe('Schema Registry frames', () => {
  it('write magic byte 0 and the id big-endian, and read them back', () => {
    const framed = frameRegistryPayload(0x01020304, Buffer.from('body'));
    expect([...framed.subarray(0, 5)]).toEqual([0, 1, 2, 3, 4]);
    expect(readRegistryFrame(framed)).toEqual({ schemaId: 0x01020304, body: Buffer.from('body') });
  });

  it('refuse ids that do not fit four bytes and empty payloads', () => {
    expect(() => frameRegistryPayload(-1, Buffer.alloc(0))).toThrow(RangeError);
    expect(() => frameRegistryPayload(2 ** 32, Buffer.alloc(0))).toThrow(RangeError);
    expect(() => readRegistryFrame(Buffer.alloc(0))).toThrow('empty payload: no Schema Registry header');
  });
});
