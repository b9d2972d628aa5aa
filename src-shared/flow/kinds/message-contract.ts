import { z } from 'zod';
import { wholeNumber } from './common';

/**
 * What a topic, queue, exchange or REST route promises about the messages it carries.
 * The engine (src-main/engine/contracts) compiles it to validate, encode, decode and fake.
 */

/** The schema languages a destination can declare its messages in. */
export const CONTRACT_FORMATS = ['none', 'json-schema', 'protobuf', 'avro'] as const;
/** One of the contract formats. */
export type ContractFormat = (typeof CONTRACT_FORMATS)[number];

/** Schema text that must at least be JSON; whether it is a valid schema is the engine's check. */
const jsonSchemaText = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .max(1_000_000, 'must be at most 1,000,000 characters')
  .superRefine((text, ctx) => {
    try {
      JSON.parse(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `is not valid JSON (${(err as Error).message})` });
    }
  });

/** `shop.Order`, `Order`, `google.protobuf.Timestamp`: dot-separated identifiers. */
const messageTypeName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(500, 'must be at most 500 characters')
  .regex(/^\.?[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/, 'must be a message type name such as shop.Order');

/** A message contract: none, or a schema in one of three languages. */
export const messageContract = z
  .discriminatedUnion(
    'format',
    [
      z.object({ format: z.literal('none') }),
      z.object({ format: z.literal('json-schema'), schema: jsonSchemaText }),
      z.object({ format: z.literal('protobuf'), messageType: messageTypeName }),
      z.object({ format: z.literal('avro'), schema: jsonSchemaText }),
    ],
    { error: `format must be one of ${CONTRACT_FORMATS.join(', ')}` },
  )
  .meta({
    title: 'Message contract',
    description: 'JSON Schema, a protobuf message type from the flow’s .proto files, or an Avro schema.',
  });

/** A parsed message contract. */
export type MessageContract = z.infer<typeof messageContract>;

/** The contract of a destination that declares none. */
export const NO_CONTRACT: MessageContract = { format: 'none' };

/** A contract field with its default (none), for node configs. */
export const contractField = messageContract.default(NO_CONTRACT);

/** How a Kafka topic's payload bytes are written. */
export const KAFKA_ENCODINGS = ['json', 'protobuf', 'avro', 'avro-confluent'] as const;
/** One of the Kafka payload encodings. */
export type KafkaEncoding = (typeof KAFKA_ENCODINGS)[number];

/** The encoding field of a Kafka topic (default JSON text). */
export const kafkaEncodingField = z
  .enum(KAFKA_ENCODINGS, { error: `must be one of ${KAFKA_ENCODINGS.join(', ')}` })
  .meta({
    title: 'Payload encoding',
    description: 'avro-confluent is the Schema Registry wire format: magic byte 0, schema id, Avro binary.',
  })
  .default('json');

/** The Schema Registry id written into avro-confluent frames (a local id: no registry is called). */
export const schemaIdField = wholeNumber(0, 2_147_483_647)
  .meta({
    title: 'Schema id',
    description: 'Written in each avro-confluent frame; no registry is contacted.',
  })
  .default(1);

/**
 * Why an encoding cannot carry a contract's messages (null when it can). JSON text carries
 * every contract; the binary encodings need the schema they are written with.
 */
export function encodingProblem(encoding: KafkaEncoding, contract: MessageContract): string | null {
  if (encoding === 'protobuf' && contract.format !== 'protobuf') {
    return `protobuf needs a protobuf message contract (this topic declares ${contract.format})`;
  }
  if ((encoding === 'avro' || encoding === 'avro-confluent') && contract.format !== 'avro') {
    return `${encoding} needs an Avro message contract (this topic declares ${contract.format})`;
  }
  return null;
}
