import type { ContractFormat, KafkaEncoding } from '@shared/flow/kinds/message-contract';

/** One way a payload breaks its contract: where (`items[0].price`, '' for the whole payload) and why. */
export interface ContractViolation {
  path: string;
  message: string;
}

/** The verdict on one payload value. */
export type ValidationResult = { ok: true } | { ok: false; errors: ContractViolation[] };

/** A decoded payload, with the schema id its Schema Registry frame named (avro-confluent only). */
export interface DecodedPayload {
  value: unknown;
  schemaId?: number;
}

/** What the runtime needs to check a delivered payload: decoded, then validated. */
export type PayloadCheck =
  | { ok: true; value: unknown; schemaId?: number }
  | { ok: false; errors: ContractViolation[]; value?: unknown; schemaId?: number };

/** A contract ready to use on one destination: validate, encode, decode and fake its messages. */
export interface CompiledContract {
  readonly format: ContractFormat;
  readonly encoding: KafkaEncoding;
  /** The local Schema Registry id (avro-confluent only). */
  readonly schemaId?: number;
  /** Checks a value (as a producer builds it, or as `decode` returns it) against the schema. */
  validate(value: unknown): ValidationResult;
  /** Writes a value in the encoding; throws PayloadEncodeError when it cannot be written. */
  encode(value: unknown): Buffer;
  /** Reads payload bytes; throws PayloadDecodeError saying what is wrong with them. */
  decode(payload: Buffer): DecodedPayload;
  /** Decodes then validates; a payload that cannot be decoded is one violation at path ''. */
  check(payload: Buffer): PayloadCheck;
  /** A valid value generated from the schema; the same `seq` gives the same value. */
  fake(seq: number): unknown;
  /** A decoded value as plain JSON data, for display (Avro bytes become base64 text). */
  toJson(value: unknown): unknown;
}

/** The schema half of a contract, independent of how the bytes are written. */
export interface ContractModel {
  validate(value: unknown): ValidationResult;
  fake(seq: number): unknown;
  /** The schema's own binary format (protobuf, Avro); JSON Schema has none. */
  binary?: {
    encode(value: unknown): Buffer;
    /** Throws with the library's own reason when the bytes are not a message of the schema. */
    decode(body: Buffer): unknown;
  };
  /** Turns a decoded value into plain JSON-able data (Avro bytes are Buffers, for example). */
  toJson(value: unknown): unknown;
}

/** A contract that cannot be compiled; `field` is the config field to fix (`contract.schema`). */
export class ContractCompileError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${field} ${detail}`);
    this.name = 'ContractCompileError';
  }
}

/** Payload bytes that are not a message of the contract (wrong magic byte, truncated…). */
export class PayloadDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecodeError';
  }
}

/** A value the encoding cannot write; `errors` are the contract violations that prevent it. */
export class PayloadEncodeError extends Error {
  constructor(
    message: string,
    readonly errors: ContractViolation[] = [],
  ) {
    super(message);
    this.name = 'PayloadEncodeError';
  }
}
