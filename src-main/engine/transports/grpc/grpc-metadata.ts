import * as grpc from '@grpc/grpc-js';

/** Metadata as plain text pairs: what traces store and templates read. */
export type MetadataRecord = Record<string, string>;

const KEY = /^[0-9a-z_.-]+$/;

/**
 * Flattens grpc-js metadata into text pairs so it can be recorded and shown: `-bin` values
 * as base64, a repeated key's values joined with ", " (as HTTP joins repeated headers).
 * Keys arrive lower-case from grpc-js.
 */
export function metadataToRecord(metadata: grpc.Metadata | undefined | null): MetadataRecord {
  const out: MetadataRecord = {};
  if (!metadata) return out;
  for (const [key, values] of Object.entries(metadata.toJSON())) {
    out[key] = values.map((v) => (typeof v === 'string' ? v : Buffer.from(v).toString('base64'))).join(', ');
  }
  return out;
}

/**
 * Builds grpc-js metadata from text pairs. Keys are lower-cased; a key ending in `-bin`
 * takes a base64 value. Throws naming the key when grpc would refuse it, so a bad header
 * in a flow is reported before any call goes out.
 */
export function metadataFromRecord(record: MetadataRecord | undefined, what = 'metadata'): grpc.Metadata {
  const metadata = new grpc.Metadata();
  for (const [rawKey, value] of Object.entries(record ?? {})) {
    const key = rawKey.trim().toLowerCase();
    if (!KEY.test(key)) throw new Error(`${what} key "${rawKey}" may only hold a-z, 0-9, "-", "_" and "."`);
    if (key.startsWith('grpc-')) throw new Error(`${what} key "${rawKey}" is reserved by gRPC`);
    if (key.endsWith('-bin')) metadata.set(key, Buffer.from(value, 'base64'));
    else if (/^[\x20-\x7e]*$/.test(value)) metadata.set(key, value);
    else throw new Error(`${what} "${rawKey}" must be printable ASCII (use a "-bin" key for binary values)`);
  }
  return metadata;
}
