import { PayloadDecodeError } from './contract-types';

/**
 * Confluent Schema Registry wire format: magic byte 0, the schema id as a 4-byte
 * big-endian integer, then the serialized message. We write a locally configured id;
 * no registry is contacted.
 */

const MAGIC = 0;
const HEADER_BYTES = 5;

/** Prefixes a serialized message with the registry header for `schemaId`. */
export function frameRegistryPayload(schemaId: number, body: Buffer): Buffer {
  if (!Number.isInteger(schemaId) || schemaId < 0 || schemaId > 0xffff_ffff) {
    throw new RangeError(`schema id must be a whole number from 0 to 4294967295, got ${schemaId}`);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(MAGIC, 0);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
}

/** Splits a framed payload into its schema id and body, or says why it is not one. */
export function readRegistryFrame(payload: Buffer): { schemaId: number; body: Buffer } {
  if (payload.length === 0) throw new PayloadDecodeError('empty payload: no Schema Registry header');
  if (payload[0] !== MAGIC) {
    throw new PayloadDecodeError(
      `wrong magic byte 0x${payload[0].toString(16).padStart(2, '0')}: a Schema Registry frame starts with 0x00`,
    );
  }
  if (payload.length < HEADER_BYTES) {
    throw new PayloadDecodeError(
      `truncated Schema Registry header: ${payload.length} of ${HEADER_BYTES} bytes (magic byte + 4-byte schema id)`,
    );
  }
  return { schemaId: payload.readUInt32BE(1), body: payload.subarray(HEADER_BYTES) };
}
