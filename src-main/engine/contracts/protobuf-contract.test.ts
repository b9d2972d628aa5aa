import { describe, expect, it } from 'vitest';
import { compileContract } from './compile-contract';
import { ContractCompileError, PayloadDecodeError, PayloadEncodeError } from './contract-types';
import { buildProtoRoot } from './proto-root';

const SHOP_PROTO = `syntax = "proto3";
package shop;
import "common.proto";
import "google/protobuf/timestamp.proto";

message Order {
  string id = 1;
  string email = 2;
  double amount = 3;
  int64 sequence = 4;
  Status status = 5;
  repeated Item items = 6;
  map<string, string> labels = 7;
  common.Money total = 8;
  oneof payment {
    string card = 9;
    string voucher = 10;
  }
  bytes signature = 11;
  google.protobuf.Timestamp placed_at = 12;
  Order parent = 13;
}
message Item {
  string sku = 1;
  uint32 quantity = 2;
}
enum Status {
  STATUS_UNSPECIFIED = 0;
  NEW = 1;
  PAID = 2;
}
`;
const COMMON_PROTO = `syntax = "proto3";
package common;
message Money { string currency = 1; int64 cents = 2; }
`;

const root = buildProtoRoot({ 'shop.proto': SHOP_PROTO, 'common.proto': COMMON_PROTO });
const contract = compileContract(
  { format: 'protobuf', messageType: 'shop.Order' },
  { protoRoot: root, encoding: 'protobuf' },
);
const order = {
  id: 'o-1',
  email: 'ada@example.com',
  amount: 12.5,
  sequence: '9007199254740993',
  status: 'PAID',
  items: [{ sku: 'ABC', quantity: 2 }],
  labels: { channel: 'web' },
  total: { currency: 'EUR', cents: '1250' },
  card: '4242',
  signature: Buffer.from('signed').toString('base64'),
};

describe('protobuf contracts', () => {
  it('accept a message in the JSON mapping (enum names, 64-bit strings, base64 bytes)', () => {
    expect(contract.validate(order)).toEqual({ ok: true });
  });

  it('report every violation with its path', () => {
    const verdict = contract.validate({
      id: 7,
      status: 'SHIPPED',
      items: [{ sku: 'A', quantity: -1 }],
      total: { cents: 1.5 },
      card: 'x',
      voucher: 'y',
      colour: 'red',
      labels: [],
      placedAt: null,
      parentOrder: {},
    });
    expect(verdict).toEqual({
      ok: false,
      errors: [
        { path: 'id', message: 'must be a string' },
        { path: 'status', message: 'must be one of STATUS_UNSPECIFIED, NEW, PAID' },
        { path: 'items[0].quantity', message: 'must be a whole number from 0 to 4294967295 (uint32)' },
        {
          path: 'total.cents',
          message: 'must be a whole number from -9223372036854775808 to 9223372036854775807 (int64)',
        },
        { path: 'voucher', message: 'cannot be set with card (oneof payment)' },
        { path: 'colour', message: 'is not a field of shop.Order' },
        { path: 'labels', message: 'must be an object (a map)' },
        { path: 'placedAt', message: 'is not a field of shop.Order (the field is called placed_at)' },
        { path: 'parentOrder', message: 'is not a field of shop.Order' },
      ],
    });
  });

  it('round-trip through protobuf binary, longs kept exact', () => {
    const bytes = contract.encode(order);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x0a, 0x03])); // field 1, length 3: "o-1"
    const { value } = contract.decode(bytes);
    expect(value).toMatchObject(order);
    expect(contract.validate(value)).toEqual({ ok: true });
  });

  it('refuse to encode a value that breaks the message type', () => {
    expect(() => contract.encode({ amount: 'lots' })).toThrow(PayloadEncodeError);
    expect(() => contract.encode({ amount: 'lots' })).toThrow(
      'cannot encode as shop.Order: amount must be a number (double)',
    );
  });

  it('say why bytes are not a message', () => {
    // Field 1 (string) claims 10 bytes but only 2 follow.
    const truncated = Buffer.from([0x0a, 0x0a, 0x61, 0x62]);
    expect(() => contract.decode(truncated)).toThrow(PayloadDecodeError);
    expect(() => contract.decode(truncated)).toThrow(
      /^payload is not a valid protobuf shop\.Order message: /,
    );
    expect(contract.check(truncated)).toMatchObject({ ok: false, errors: [{ path: '' }] });
  });

  it('fake messages that satisfy their own type, the same for the same seq', () => {
    for (let seq = 0; seq < 150; seq += 1) {
      const value = contract.fake(seq);
      expect(contract.validate(value), `seq ${seq}`).toEqual({ ok: true });
      expect(contract.validate(contract.decode(contract.encode(value)).value)).toEqual({ ok: true });
    }
    expect(contract.fake(3)).toEqual(contract.fake(3));
    const sample = contract.fake(1) as Record<string, unknown>;
    expect(sample.email).toMatch(/@/);
    expect(['NEW', 'PAID']).toContain(sample.status);
  });

  it('name the field when the message type is unknown or the flow has no .proto', () => {
    expect(() =>
      compileContract({ format: 'protobuf', messageType: 'shop.Ordr' }, { protoRoot: root }),
    ).toThrow(
      'contract.messageType "shop.Ordr" is not defined in the flow\'s .proto files (the .proto files define ' +
        'shop.Order, shop.Item, common.Money',
    );
    expect(() =>
      compileContract({ format: 'protobuf', messageType: 'shop.Status' }, { protoRoot: root }),
    ).toThrow(/"shop\.Status" is a enum, not a message type/);
    expect(() => compileContract({ format: 'protobuf', messageType: 'shop.Order' })).toThrow(
      ContractCompileError,
    );
  });

  it('report a .proto syntax error with the file and line, and a missing import', () => {
    let error: ContractCompileError | undefined;
    try {
      buildProtoRoot({ 'bad.proto': 'syntax = "proto3";\nmessage A {\n  string x = ;\n}\n' });
    } catch (err) {
      error = err as ContractCompileError;
    }
    expect(error).toBeInstanceOf(ContractCompileError);
    expect(error?.field).toBe('proto file bad.proto');
    expect(error?.line).toBe(3);
    expect(() => buildProtoRoot({ 'a.proto': 'syntax = "proto3";\nimport "missing.proto";\n' })).toThrow(
      'proto file a.proto imports "missing.proto", which is not among the flow\'s .proto files',
    );
  });
});
