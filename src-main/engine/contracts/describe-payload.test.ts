import { describe, expect, it } from 'vitest';
import { compileContract } from './compile-contract';
import { describePayload, hexDump } from './describe-payload';
import { buildProtoRoot } from './proto-root';

const AVRO = JSON.stringify({
  type: 'record',
  name: 'Ping',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'raw', type: 'bytes' },
  ],
});

describe('describePayload', () => {
  it('shows UTF-8 payloads as they are, telling JSON from text', () => {
    expect(describePayload(Buffer.from('{"a": 1}'))).toEqual({ format: 'json', text: '{"a": 1}' });
    expect(describePayload(Buffer.from('héllo\nwörld'))).toEqual({ format: 'text', text: 'héllo\nwörld' });
  });

  it('shows bytes that are not text as a marked hex dump', () => {
    const described = describePayload(Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    expect(described.format).toBe('binary');
    expect(described.text).toBe('[binary, 4 bytes]\n00000000  ff fe 41 00' + ' '.repeat(36) + '  |..A.|');
    // Valid UTF-8 with control characters is not shown as text either.
    expect(describePayload(Buffer.from('a\u0000b')).format).toBe('binary');
  });

  it('caps the dump of a large payload', () => {
    const dump = hexDump(Buffer.alloc(5000, 0x80));
    expect(dump.split('\n')).toHaveLength(1 + 256 + 1);
    expect(dump.endsWith('… 904 more bytes')).toBe(true);
  });

  it('decodes registry-framed Avro with the contract, bytes as base64', () => {
    const contract = compileContract(
      { format: 'avro', schema: AVRO },
      { encoding: 'avro-confluent', schemaId: 9 },
    );
    const payload = contract.encode({ id: 'p-1', raw: Buffer.from([1, 2]) });
    expect(describePayload(payload, contract)).toEqual({
      format: 'avro-confluent',
      schemaId: 9,
      text: JSON.stringify({ id: 'p-1', raw: 'AQI=' }, null, 2),
    });
  });

  it('decodes protobuf with the contract', () => {
    const root = buildProtoRoot({
      'p.proto': 'syntax = "proto3";\nmessage Ping { string id = 1; int64 n = 2; }',
    });
    const contract = compileContract(
      { format: 'protobuf', messageType: 'Ping' },
      { protoRoot: root, encoding: 'protobuf' },
    );
    expect(describePayload(contract.encode({ id: 'x', n: 5 }), contract)).toEqual({
      format: 'protobuf',
      text: JSON.stringify({ id: 'x', n: '5' }, null, 2),
    });
  });

  it('falls back to safe text and says why when the contract cannot read the bytes', () => {
    const contract = compileContract(
      { format: 'avro', schema: AVRO },
      { encoding: 'avro-confluent', schemaId: 9 },
    );
    expect(describePayload(Buffer.from('{"id": "p-1"}'), contract)).toEqual({
      format: 'json',
      text: '{"id": "p-1"}',
      problem: 'wrong magic byte 0x7b: a Schema Registry frame starts with 0x00',
    });
  });
});
