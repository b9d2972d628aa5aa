import type protobuf from 'protobufjs';
import {
  encodingProblem,
  type KafkaEncoding,
  type MessageContract,
} from '@shared/flow/kinds/message-contract';
import { compileAvroModel } from './avro-model';
import {
  ContractCompileError,
  PayloadDecodeError,
  type CompiledContract,
  type ContractModel,
  type DecodedPayload,
} from './contract-types';
import { compileJsonSchemaModel } from './json-schema-model';
import { compileProtobufModel } from './protobuf-model';
import { frameRegistryPayload, readRegistryFrame } from './registry-frame';

/** Where a contract is compiled: the flow's .proto files and, on Kafka topics, the encoding. */
export interface ContractOptions {
  /** All the flow's .proto files in one root (see `buildProtoRoot`); needed by protobuf contracts. */
  protoRoot?: protobuf.Root;
  /** How payload bytes are written; queues, exchanges and routes carry JSON text. */
  encoding?: KafkaEncoding;
  /** The local Schema Registry id of avro-confluent frames. */
  schemaId?: number;
}

/**
 * Compiles a destination's contract once, before a run connects. Throws
 * ContractCompileError naming the field to fix (`contract.schema`, `contract.messageType`,
 * `encoding`) when the schema is broken or the encoding cannot carry it.
 */
export function compileContract(contract: MessageContract, options: ContractOptions = {}): CompiledContract {
  const encoding = options.encoding ?? 'json';
  const mismatch = encodingProblem(encoding, contract);
  if (mismatch) throw new ContractCompileError('encoding', mismatch);
  const model = compileModel(contract, options.protoRoot);
  const schemaId = encoding === 'avro-confluent' ? (options.schemaId ?? 1) : undefined;
  const codec = codecFor(encoding, model, schemaId, describe(contract));
  return {
    format: contract.format,
    encoding,
    schemaId,
    validate: (value) => model.validate(value),
    encode: codec.encode,
    decode: codec.decode,
    check(payload) {
      let decoded: DecodedPayload;
      try {
        decoded = codec.decode(payload);
      } catch (err) {
        // Without a contract nothing is promised: text that is not JSON is still fine.
        if (contract.format === 'none') return { ok: true, value: undefined };
        return { ok: false, errors: [{ path: '', message: (err as Error).message }] };
      }
      const verdict = model.validate(decoded.value);
      return verdict.ok ? { ok: true, ...decoded } : { ...verdict, ...decoded };
    },
    fake: (seq) => model.fake(seq),
    toJson: (value) => model.toJson(value),
  };
}

function compileModel(contract: MessageContract, protoRoot: protobuf.Root | undefined): ContractModel {
  switch (contract.format) {
    case 'none':
      return NO_SCHEMA;
    case 'json-schema':
      return compileJsonSchemaModel(contract.schema);
    case 'protobuf':
      return compileProtobufModel(contract.messageType, protoRoot);
    case 'avro':
      return compileAvroModel(contract.schema);
  }
}

/** A destination without a contract: anything is valid, and there is nothing to generate from. */
const NO_SCHEMA: ContractModel = {
  validate: () => ({ ok: true }),
  fake: () => {
    throw new Error('this destination declares no message contract to generate payloads from');
  },
  toJson: (value) => value,
};

interface Codec {
  encode(value: unknown): Buffer;
  decode(payload: Buffer): DecodedPayload;
}

function codecFor(
  encoding: KafkaEncoding,
  model: ContractModel,
  schemaId: number | undefined,
  what: string,
): Codec {
  if (encoding === 'json') {
    return {
      encode: (value) => Buffer.from(JSON.stringify(value), 'utf8'),
      decode(payload) {
        try {
          return { value: JSON.parse(payload.toString('utf8')) };
        } catch (err) {
          throw new PayloadDecodeError(`payload is not JSON text: ${(err as Error).message}`);
        }
      },
    };
  }
  const binary = model.binary;
  // encodingProblem already refused binary encodings for schemas without a binary form.
  if (!binary) throw new ContractCompileError('encoding', `${encoding} cannot carry ${what}`);
  const decodeBody = (body: Buffer): unknown => {
    try {
      return binary.decode(body);
    } catch (err) {
      throw new PayloadDecodeError(`payload is not a valid ${what} message: ${(err as Error).message}`);
    }
  };
  if (encoding === 'avro-confluent') {
    const id = schemaId ?? 1;
    return {
      encode: (value) => frameRegistryPayload(id, binary.encode(value)),
      decode(payload) {
        const frame = readRegistryFrame(payload);
        if (frame.schemaId !== id) {
          throw new PayloadDecodeError(
            `unknown schema id ${frame.schemaId}: this topic's schema id is ${id}`,
          );
        }
        return { value: decodeBody(frame.body), schemaId: frame.schemaId };
      },
    };
  }
  return { encode: (value) => binary.encode(value), decode: (payload) => ({ value: decodeBody(payload) }) };
}

function describe(contract: MessageContract): string {
  if (contract.format === 'protobuf') return `protobuf ${contract.messageType}`;
  return contract.format === 'avro' ? 'Avro' : contract.format;
}
