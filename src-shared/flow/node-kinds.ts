import { z } from 'zod';

/**
 * Config schemas of every node kind. Each has defaults, so a node dropped from the
 * palette is valid except for the fields a user must choose (topic, queue…).
 */

const nodeName = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters');
const headerMap = z.record(z.string(), z.string()).default({});

export const producerConfig = z.object({
  name: nodeName.default('producer'),
  /** Messages per second. */
  rate: z.number().positive('must be greater than 0').max(100_000).default(10),
  /** How many messages to send in total. */
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000_000).default(100),
  /** Template for the Kafka key (ignored by queues when empty). */
  key: z.string().max(1000).default(''),
  /** JSON payload template with {{seq}}, {{uuid}}, {{now}} and {{faker.…}} expressions. */
  payload: z.string().max(1_000_000).default('{"seq": {{seq}}, "id": "{{uuid}}", "at": "{{now}}"}'),
  headers: headerMap,
});

export const consumerConfig = z.object({
  name: nodeName.default('consumer'),
  /** Kafka consumer group id; defaults to the node name when empty. */
  group: z.string().max(200).default(''),
  /** Number of competing members in the group. */
  members: z.number().int('must be a whole number').min(1, 'must be at least 1').max(32).default(1),
  fromBeginning: z.boolean().default(true),
  /** Simulated processing time per message, in milliseconds. */
  processingMs: z.number().int().min(0).max(60_000).default(0),
});

const topicName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(249, 'must be at most 249 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'may only contain letters, digits, ".", "_" and "-"');

export const kafkaTopicConfig = z.object({
  name: nodeName.default('topic'),
  topic: topicName,
  partitions: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000).default(3),
});

export const rabbitQueueConfig = z.object({
  name: nodeName.default('queue'),
  queue: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(255, 'must be at most 255 characters')
    .refine((s) => !s.startsWith('amq.'), 'must not start with "amq." (reserved by RabbitMQ)'),
  durable: z.boolean().default(false),
  prefetch: z.number().int().min(1).max(10_000).default(50),
});

export const DEFAULT_PROTO = `syntax = "proto3";

package helloworld;

service Greeter {
  rpc SayHello (HelloRequest) returns (HelloReply);
}

message HelloRequest {
  string name = 1;
}

message HelloReply {
  string message = 1;
}
`;

export const grpcServiceConfig = z.object({
  name: nodeName.default('service'),
  /** The .proto source that defines the service. */
  proto: z.string().min(1, 'is required').max(1_000_000).default(DEFAULT_PROTO),
  /** Fully qualified service name, e.g. helloworld.Greeter. */
  service: z.string().trim().min(1, 'is required').default('helloworld.Greeter'),
  /** Response template per unary method name; `{{request.field}}` reads the request. */
  responses: z.record(z.string(), z.string()).default({ SayHello: '{"message": "Hello {{request.name}}"}' }),
});

export const grpcClientConfig = z.object({
  name: nodeName.default('client'),
  rate: z.number().positive('must be greater than 0').max(10_000).default(5),
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000).default(20),
  /** Request message template (JSON). */
  request: z.string().max(1_000_000).default('{"name": "{{faker.person.firstName}}"}'),
  deadlineMs: z.number().int().min(1).max(600_000).default(5000),
});

/** Every node kind and its config schema. */
export const nodeConfigSchemas = {
  producer: producerConfig,
  consumer: consumerConfig,
  kafkaTopic: kafkaTopicConfig,
  rabbitQueue: rabbitQueueConfig,
  grpcService: grpcServiceConfig,
  grpcClient: grpcClientConfig,
} as const;

export type NodeKind = keyof typeof nodeConfigSchemas;
export const NODE_KINDS = Object.keys(nodeConfigSchemas) as NodeKind[];

export type ProducerConfig = z.infer<typeof producerConfig>;
export type ConsumerConfig = z.infer<typeof consumerConfig>;
export type KafkaTopicConfig = z.infer<typeof kafkaTopicConfig>;
export type RabbitQueueConfig = z.infer<typeof rabbitQueueConfig>;
export type GrpcServiceConfig = z.infer<typeof grpcServiceConfig>;
export type GrpcClientConfig = z.infer<typeof grpcClientConfig>;

export interface NodeConfigByKind {
  producer: ProducerConfig;
  consumer: ConsumerConfig;
  kafkaTopic: KafkaTopicConfig;
  rabbitQueue: RabbitQueueConfig;
  grpcService: GrpcServiceConfig;
  grpcClient: GrpcClientConfig;
}
