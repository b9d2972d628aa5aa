import { z } from 'zod';
import { wholeNumber } from './common';

/**
 * Faults on demand (issue 4): what a node or an edge may do to the messages passing it.
 * A fault only decides *that* a message fails; the per-protocol error forms below say
 * *how* it fails on the wire (a Kafka error code, an AMQP nack, a gRPC status, an HTTP
 * status), so one spec works whatever transport the node ends up on.
 */

/** Kafka protocol errors a fault can answer with (name → protocol code, retriable by clients). */
export const KAFKA_FAULT_CODES = {
  UNKNOWN_SERVER_ERROR: { code: -1, retriable: false },
  CORRUPT_MESSAGE: { code: 2, retriable: true },
  UNKNOWN_TOPIC_OR_PARTITION: { code: 3, retriable: true },
  LEADER_NOT_AVAILABLE: { code: 5, retriable: true },
  NOT_LEADER_FOR_PARTITION: { code: 6, retriable: true },
  REQUEST_TIMED_OUT: { code: 7, retriable: true },
  MESSAGE_TOO_LARGE: { code: 10, retriable: false },
  NETWORK_EXCEPTION: { code: 13, retriable: true },
  NOT_ENOUGH_REPLICAS: { code: 19, retriable: true },
  TOPIC_AUTHORIZATION_FAILED: { code: 29, retriable: false },
  KAFKA_STORAGE_ERROR: { code: 56, retriable: true },
  INVALID_RECORD: { code: 87, retriable: false },
} as const;
/** A Kafka error code name such as NOT_LEADER_FOR_PARTITION. */
export type KafkaFaultCode = keyof typeof KAFKA_FAULT_CODES;
const KAFKA_CODE_NAMES = Object.keys(KAFKA_FAULT_CODES) as [KafkaFaultCode, ...KafkaFaultCode[]];

/** gRPC status codes other than OK, by name → number. */
export const GRPC_FAULT_CODES = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
/** A gRPC status name such as UNAVAILABLE. */
export type GrpcFaultCode = keyof typeof GRPC_FAULT_CODES;
const GRPC_CODE_NAMES = Object.keys(GRPC_FAULT_CODES) as [GrpcFaultCode, ...GrpcFaultCode[]];

/** What an AMQP consumer does with a failed delivery: requeue it, or dead-letter it. */
export const AMQP_FAULT_ACTIONS = ['nack-requeue', 'dead-letter'] as const;

const faultMessage = z.string().max(2000, 'must be at most 2000 characters');

/** How an injected error looks on each protocol; every form has a default. */
export const faultErrorForms = z.object({
  kafka: z
    .object({
      code: z
        .enum(KAFKA_CODE_NAMES, { error: `must be one of ${KAFKA_CODE_NAMES.join(', ')}` })
        .default('NOT_LEADER_FOR_PARTITION'),
    })
    .default({ code: 'NOT_LEADER_FOR_PARTITION' }),
  amqp: z
    .object({
      action: z
        .enum(AMQP_FAULT_ACTIONS, { error: 'must be nack-requeue or dead-letter' })
        .meta({ description: 'nack-requeue redelivers; dead-letter nacks without requeue.' })
        .default('dead-letter'),
    })
    .default({ action: 'dead-letter' }),
  grpc: z
    .object({
      code: z
        .enum(GRPC_CODE_NAMES, { error: `must be one of ${GRPC_CODE_NAMES.join(', ')}` })
        .default('UNAVAILABLE'),
      message: faultMessage.default('injected fault'),
    })
    .default({ code: 'UNAVAILABLE', message: 'injected fault' }),
  http: z
    .object({
      status: wholeNumber(400, 599).default(503),
      body: faultMessage.default('{"error": "injected fault"}'),
    })
    .default({ status: 503, body: '{"error": "injected fault"}' }),
  graphql: z
    .object({
      code: z.string().trim().min(1, 'is required').max(100).default('INTERNAL_SERVER_ERROR'),
      message: faultMessage.default('injected fault'),
    })
    .default({ code: 'INTERNAL_SERVER_ERROR', message: 'injected fault' }),
});

/** Every protocol's error form, defaults filled. */
export type FaultErrorForms = z.infer<typeof faultErrorForms>;
/** Absent in the file means every protocol's default form (files stay short). */
const errorForms = faultErrorForms.optional();

const probability = z
  .number({ error: 'must be a number' })
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1')
  .meta({ description: 'Share of messages affected, 0 to 1.' });
const enabled = z
  .boolean()
  .meta({ description: 'Off keeps the fault (and its counters) without applying it.' });

/** Adds latency: `latencyMs` plus a uniform draw in ±`jitterMs` (never below 0). */
export const latencyFault = z.object({
  kind: z.literal('latency'),
  enabled: enabled.default(true),
  latencyMs: wholeNumber(0, 600_000).default(100),
  jitterMs: wholeNumber(0, 600_000).default(0),
});

/** Fails a share of messages with the protocol's error. */
export const errorFault = z.object({
  kind: z.literal('error'),
  enabled: enabled.default(true),
  probability: probability.default(0.1),
  error: errorForms,
});

/** Loses a share of messages silently (recorded as an injected drop). */
export const dropFault = z.object({
  kind: z.literal('drop'),
  enabled: enabled.default(true),
  probability: probability.default(0.1),
});

/** Delivers a share of messages more than once. */
export const duplicateFault = z.object({
  kind: z.literal('duplicate'),
  enabled: enabled.default(true),
  probability: probability.default(0.1),
  copies: wholeNumber(1, 100).meta({ description: 'Extra copies of an affected message.' }).default(1),
});

/** Holds messages back and releases each window of them out of order. */
export const reorderFault = z.object({
  kind: z.literal('reorder'),
  enabled: enabled.default(true),
  window: wholeNumber(2, 10_000).meta({ description: 'Messages held, then released shuffled.' }).default(5),
  maxHoldMs: wholeNumber(1, 600_000)
    .meta({ title: 'Max hold (ms)', description: 'A partial window is released after this long.' })
    .default(1000),
});

/** Fails the first N messages (counted across toggles), then lets the rest pass. */
export const failFirstFault = z.object({
  kind: z.literal('failFirst'),
  enabled: enabled.default(true),
  count: wholeNumber(1, 10_000_000).default(3),
  error: errorForms,
});

/** One fault on a node or an edge; applied in list order, and an error or drop ends the list. */
export const faultSpec = z.discriminatedUnion(
  'kind',
  [latencyFault, errorFault, dropFault, duplicateFault, reorderFault, failFirstFault],
  { error: 'must be one of latency, error, drop, duplicate, reorder, failFirst' },
);

/** The `faults` field of node and edge configs; absent means none. */
export const faultList = z
  .array(faultSpec)
  .max(50, 'must have at most 50 faults')
  .meta({ description: 'Injected in order; every injected fault is marked in the trace.' });

/** The kinds of fault, as written in flow files. */
export const FAULT_KINDS = ['latency', 'error', 'drop', 'duplicate', 'reorder', 'failFirst'] as const;
/** One kind of fault. */
export type FaultKind = (typeof FAULT_KINDS)[number];
/** A fault spec, defaults filled. */
export type FaultSpec = z.infer<typeof faultSpec>;
