import { describe, expect, it } from 'vitest';
import { messageContract } from '@shared/flow/node-kinds';
import { contractDraft, protoMessageTypes, switchContract } from './contract-model';

describe('contract drafts', () => {
  it('reads absent or odd values as none', () => {
    expect(contractDraft(undefined)).toEqual({ format: 'none' });
    expect(contractDraft({ format: 'xml' })).toEqual({ format: 'none' });
    expect(contractDraft({ format: 'protobuf', messageType: 'shop.Order' })).toEqual({
      format: 'protobuf',
      messageType: 'shop.Order',
    });
  });

  it('starts each format with a schema that parses, and brings back what was written before', () => {
    for (const format of ['json-schema', 'avro'] as const) {
      expect(messageContract.safeParse(switchContract(format, {})).success).toBe(true);
    }
    expect(switchContract('protobuf', {}, ['shop.Order', 'shop.Reply'])).toEqual({
      format: 'protobuf',
      messageType: 'shop.Order',
    });
    const mine = { format: 'json-schema' as const, schema: '{"type":"string"}' };
    expect(switchContract('json-schema', { 'json-schema': mine })).toBe(mine);
  });
});

describe('protoMessageTypes', () => {
  it('lists top-level messages and rpc types, qualified by package, without nested ones', () => {
    const proto = `syntax = "proto3";
package shop;
import "google/protobuf/timestamp.proto";
service Orders {
  rpc Place (Order) returns (Receipt);
  rpc Watch (stream Query) returns (stream .other.Event);
}
message Order { message Line { string sku = 1; } repeated Line lines = 1; }
message Receipt { string id = 1; }`;
    expect(protoMessageTypes([proto, 'message Bare {}', 'message {'])).toEqual([
      'Bare',
      'other.Event',
      'shop.Order',
      'shop.Query',
      'shop.Receipt',
    ]);
  });
});
