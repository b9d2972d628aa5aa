import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { metadataFromRecord, metadataToRecord } from './grpc-metadata';

describe('gRPC metadata as text pairs', () => {
  it('round-trips text and binary (base64) values, lower-casing keys', () => {
    const md = metadataFromRecord({
      'X-Tenant': 'acme',
      'trace-bin': Buffer.from([0, 1, 255]).toString('base64'),
    });
    expect(md.get('x-tenant')).toEqual(['acme']);
    expect(md.get('trace-bin')).toEqual([Buffer.from([0, 1, 255])]);
    expect(metadataToRecord(md)).toEqual({ 'x-tenant': 'acme', 'trace-bin': 'AAH/' });
  });

  it("joins a repeated key's values and reads nothing from no metadata", () => {
    const md = new grpc.Metadata();
    md.add('k', 'one');
    md.add('k', 'two');
    expect(metadataToRecord(md)).toEqual({ k: 'one, two' });
    expect(metadataToRecord(undefined)).toEqual({});
  });

  it('refuses keys and values grpc would refuse, naming them', () => {
    expect(() => metadataFromRecord({ 'bad key': 'x' }, 'trailing metadata')).toThrow(
      'trailing metadata key "bad key" may only hold a-z, 0-9, "-", "_" and "."',
    );
    expect(() => metadataFromRecord({ 'grpc-status': '0' })).toThrow(
      'metadata key "grpc-status" is reserved by gRPC',
    );
    expect(() => metadataFromRecord({ note: 'caf\u00e9' })).toThrow(/must be printable ASCII/);
  });
});
