import { z } from 'zod';
import { nodeName, perSecond, stringMap, template, wholeNumber } from './common';
import { contractField, encodingProblem, kafkaEncodingField, schemaIdField } from './message-contract';

/** Messaging family: producers and consumers, Kafka topics, RabbitMQ exchanges and queues. */

/** How a Kafka producer picks a partition: key hash (Java client's murmur2), in turn, or a fixed one. */
export const PARTITIONERS = ['murmur2', 'round-robin', 'explicit'] as const;
/** Which replicas must have a Kafka record before the send counts as done. */
export const ACKS = ['all', 'leader', 'none'] as const;
/** Kafka compression codecs the engine can write and read. */
export const COMPRESSIONS = ['none', 'gzip', 'snappy'] as const;
/** Kafka cleanup.policy values. */
export const CLEANUP_POLICIES = ['delete', 'compact', 'compact,delete'] as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** Producer: sends templated JSON messages at a rate to topics, exchanges or queues. */
export const producerConfig = z.object({
  name: nodeName.default('producer'),
  /** Messages per second. */
  rate: perSecond(100_000).default(10),
  /** How many messages to send in total. */
  count: wholeNumber(1, 10_000_000).default(100),
  /** Template for the Kafka key (ignored by queues when empty). */
  key: z.string().max(1000).default(''),
  /** JSON payload template with {{seq}}, {{uuid}}, {{now}} and {{faker.…}} expressions. */
  payload: template.default('{"seq": {{seq}}, "id": "{{uuid}}", "at": "{{now}}"}'),
  headers: stringMap,
  /** Kafka only: how each message's partition is chosen. */
  partitioner: oneOf(PARTITIONERS)
    .meta({
      description: 'Kafka: by key hash (murmur2, as Java clients), in turn, or the fixed partition below.',
    })
    .default('murmur2'),
  /** Kafka only: the partition every message goes to when the partitioner is "explicit". */
  partition: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(999).default(0),
  acks: oneOf(ACKS)
    .meta({ description: 'Kafka: all in-sync replicas, the leader only, or no answer at all.' })
    .default('all'),
  compression: oneOf(COMPRESSIONS).meta({ description: 'Kafka batch compression.' }).default('none'),
  /** Kafka only: exactly-once per partition within the run; needs acks "all". */
  idempotent: z
    .boolean()
    .meta({ description: 'Kafka: no duplicates from retries within a run; needs acks "all".' })
    .default(false),
  /** Generate each payload from the target's message contract instead of the template. */
  fromContract: z
    .boolean()
    .meta({
      title: 'Payload from contract',
      description: "Fake, valid payloads from the connected topic's or queue's message contract.",
    })
    .default(false),
});

/** Consumer: a group of competing members reading a topic or queue. */
export const consumerConfig = z.object({
  name: nodeName.default('consumer'),
  /** Kafka consumer group id; empty means the node name (format 1 files; format 2 writes it). */
  group: z.string().max(200).default(''),
  /** Number of competing members in the group. */
  members: wholeNumber(1, 32).default(1),
  fromBeginning: z.boolean().default(true),
  /** Simulated processing time per message, in milliseconds. */
  processingMs: z.number().int().min(0).max(60_000).default(0),
  /** Kafka only: hand records over in batches of up to `batchSize` instead of one by one. */
  batch: z.boolean().meta({ description: 'Kafka: process records in batches.' }).default(false),
  batchSize: wholeNumber(1, 10_000).default(100),
  /** Kafka only: 'manual' commits each offset right after its handler finished. */
  commit: z
    .enum(['auto', 'manual'], { error: 'must be one of auto, manual' })
    .meta({
      description: 'Kafka: commit periodically (auto) or right after each record is handled (manual).',
    })
    .default('auto'),
  /**
   * Retry with backoff: a delivery that fails (and is requeued) is held this long before it
   * goes back to the queue, doubling with each further failure of the same message (at most
   * 30 s). Absent or 0 requeues at once.
   */
  retryBackoffMs: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 (requeue at once) or more')
    .max(60_000, 'must be at most 60000')
    .meta({
      title: 'Retry backoff (ms)',
      description: 'Wait before a failed delivery is requeued; doubles with each retry (max 30 s).',
    })
    .optional(),
});

const topicName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(249, 'must be at most 249 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'may only contain letters, digits, ".", "_" and "-"');

/** Kafka topic: a partitioned log with retention and a described key. */
export const kafkaTopicConfig = z
  .object({
    name: nodeName.default('topic'),
    topic: topicName,
    partitions: wholeNumber(1, 1000).default(3),
    /** Kafka's retention.ms: -1 keeps messages forever. */
    retentionMs: z
      .number()
      .int('must be a whole number')
      .min(-1, 'must be -1 (forever) or more')
      .meta({ title: 'Retention (ms)', description: 'How long Kafka keeps messages; -1 keeps them forever.' })
      .default(604_800_000),
    /** Copies of each partition; -1 takes the cluster's default.replication.factor. */
    replicationFactor: z
      .number()
      .int('must be a whole number')
      .min(-1, 'must be -1 (cluster default) or more')
      .max(32, 'must be at most 32')
      .refine((n) => n !== 0, 'must be -1 (cluster default) or at least 1')
      .default(-1),
    cleanupPolicy: oneOf(CLEANUP_POLICIES)
      .meta({ description: 'delete old segments, keep the latest record per key (compact), or both.' })
      .default('delete'),
    /** Kafka's max.message.bytes; raise it for payloads near 1 MB and above (broker default 1048588). */
    maxMessageBytes: z
      .number()
      .int('must be a whole number')
      .min(1024, 'must be at least 1024')
      .max(104_857_600, 'must be at most 104857600 (100 MB)')
      .meta({ title: 'Max message bytes', description: 'Largest record batch the topic accepts.' })
      .default(1_048_588),
    /** What the message key holds: messages with one key stay in order on one partition. */
    keySchema: z
      .string()
      .max(2000)
      .meta({ title: 'Key schema', description: 'What the key holds, e.g. "customer id (string)".' })
      .default(''),
    contract: contractField,
    encoding: kafkaEncodingField,
    schemaId: schemaIdField,
  })
  .superRefine((cfg, ctx) => {
    // Only when both fields parsed: a bad contract already has its own message.
    if (!cfg.contract || typeof cfg.contract !== 'object' || typeof cfg.encoding !== 'string') return;
    const problem = encodingProblem(cfg.encoding, cfg.contract);
    if (problem) ctx.addIssue({ code: 'custom', path: ['encoding'], message: problem });
  });

/** RabbitMQ names an exchange or queue may not take: `amq.` is reserved by the broker. */
const rabbitName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(255, 'must be at most 255 characters')
  .refine((s) => !s.startsWith('amq.'), 'must not start with "amq." (reserved by RabbitMQ)');

/** The four RabbitMQ exchange types; bindings (edge settings) mean something different in each. */
export const EXCHANGE_TYPES = ['direct', 'topic', 'fanout', 'headers'] as const;
/** One of the four RabbitMQ exchange types. */
export type ExchangeType = (typeof EXCHANGE_TYPES)[number];

/** RabbitMQ exchange: routes to queues by its bindings (edge settings). */
export const rabbitExchangeConfig = z.object({
  name: nodeName.default('exchange'),
  exchange: rabbitName,
  type: z
    .enum(EXCHANGE_TYPES, { error: `must be one of ${EXCHANGE_TYPES.join(', ')}` })
    .meta({ description: 'How bindings match: routing key, topic pattern, all queues, or headers.' })
    .default('direct'),
  durable: z.boolean().default(true),
  contract: contractField,
});

/** RabbitMQ queue types: classic, or quorum (replicated, always durable, own delivery limit). */
export const QUEUE_TYPES = ['classic', 'quorum'] as const;
/** What a full queue (max length reached) does with a new message: RabbitMQ's x-overflow. */
export const QUEUE_OVERFLOWS = ['drop-head', 'reject-publish', 'reject-publish-dlx'] as const;

/** RabbitMQ queue: TTL, length limit, dead-lettering and a delivery limit. */
export const rabbitQueueConfig = z.object({
  name: nodeName.default('queue'),
  queue: rabbitName,
  durable: z.boolean().default(false),
  queueType: z
    .enum(QUEUE_TYPES, { error: `must be one of ${QUEUE_TYPES.join(', ')}` })
    .meta({ title: 'Queue type', description: 'Quorum queues are replicated and always durable.' })
    .default('classic'),
  prefetch: z.number().int().min(1).max(10_000).default(50),
  /** x-message-ttl; 0 keeps messages until consumed. */
  messageTtlMs: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 (no limit) or more')
    .meta({ title: 'Message TTL (ms)', description: '0 keeps messages until they are consumed.' })
    .default(0),
  /** x-max-length; 0 means unbounded. */
  maxLength: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 (no limit) or more')
    .meta({ description: 'Messages the queue holds at most; 0 means no limit.' })
    .default(0),
  /** x-overflow: what a full queue does with a new message. */
  overflow: z
    .enum(QUEUE_OVERFLOWS, { error: `must be one of ${QUEUE_OVERFLOWS.join(', ')}` })
    .meta({
      title: 'When full',
      description:
        'drop-head drops (or dead-letters) the oldest; reject-publish refuses the new one; reject-publish-dlx also dead-letters it (classic only).',
    })
    .default('drop-head'),
  /** Name of the exchange or queue that receives rejected and expired messages. */
  deadLetter: z
    .string()
    .trim()
    .max(255)
    .meta({
      title: 'Dead-letter target',
      description: 'Exchange or queue name for rejected and expired messages; empty for none.',
    })
    .default(''),
  /** x-dead-letter-routing-key when the target is an exchange; empty keeps the message's own. */
  deadLetterRoutingKey: z
    .string()
    .max(255, 'must be at most 255 characters')
    .meta({
      title: 'Dead-letter routing key',
      description:
        "Routing key for dead-lettered messages when the target is an exchange; empty keeps the message's own.",
    })
    .default(''),
  /** Quorum queues: the broker's x-delivery-limit; classic: counted by the consumer. 0 redelivers forever. */
  maxDeliveries: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 (no limit) or more')
    .max(1000)
    .meta({
      title: 'Max delivery attempts',
      description: 'After this many failed deliveries a message is dead-lettered; 0 means no limit.',
    })
    .default(0),
  contract: contractField,
});

/** Parsed configs (defaults filled) of the messaging kinds. */
export type ProducerConfig = z.infer<typeof producerConfig>;
export type ConsumerConfig = z.infer<typeof consumerConfig>;
export type KafkaTopicConfig = z.infer<typeof kafkaTopicConfig>;
export type RabbitExchangeConfig = z.infer<typeof rabbitExchangeConfig>;
export type RabbitQueueConfig = z.infer<typeof rabbitQueueConfig>;
