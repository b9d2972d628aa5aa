import { z } from 'zod';
import {
  HTTP_METHODS,
  nameList,
  nodeName,
  nodeRef,
  predicate,
  template,
  urlPath,
  wholeNumber,
} from './common';

/**
 * Patterns family, architecture half: API gateway, saga orchestrator, event store,
 * projection and mesh policy (see ../shared PATTERNS.md). Routing nodes live in routing.ts.
 */

/** How a gateway route authenticates callers. */
export const GATEWAY_AUTH = ['none', 'apiKey', 'jwt'] as const;

/** One gateway route: requests under `pathPrefix` go to the node named `target`. */
export const gatewayRoute = z.object({
  pathPrefix: urlPath.meta({ title: 'Path prefix' }).default('/orders'),
  target: nodeRef.meta({ description: 'Name of a connected service.' }).default(''),
  auth: z
    .enum(GATEWAY_AUTH, { error: 'must be none, apiKey or jwt' })
    .meta({ description: 'none, an API key header, or a JWT bearer token.' })
    .default('none'),
  rateLimit: wholeNumber(0, 1_000_000)
    .meta({ title: 'Rate limit (req/s)', description: 'Per client (token bucket); 0 means no limit.' })
    .default(0),
  method: z
    .enum(['ANY', ...HTTP_METHODS], { error: 'must be ANY, GET, POST, PUT, PATCH or DELETE' })
    .meta({ description: 'Only requests with this method match the route; ANY matches all.' })
    .default('ANY'),
  burst: wholeNumber(0, 1_000_000)
    .meta({ description: 'Requests a client may make at once before the rate applies; 0 means the rate.' })
    .default(0),
  grpcMethod: z
    .string()
    .trim()
    .max(200)
    .meta({
      title: 'gRPC method',
      description: 'For a gRPC target: the unary method the JSON body is sent to.',
    })
    .default(''),
  transform: template
    .meta({
      description:
        'Template of the response sent back, e.g. {"order": {{body.id}}}; empty passes it through.',
    })
    .default(''),
  cacheTtlMs: wholeNumber(0, 86_400_000)
    .meta({ title: 'Cache TTL (ms)', description: 'GET answers are cached this long; 0 turns caching off.' })
    .default(0),
});

/** A client the gateway knows by its API key (demo credentials of the flow). */
export const gatewayApiKey = z.object({
  client: z.string().trim().min(1, 'is required').max(80).default('mobile'),
  key: z.string().trim().min(8, 'must be at least 8 characters').max(200).default('change-me-key'),
});

/** API gateway: one entry point routing path prefixes to services. */
export const apiGatewayConfig = z.object({
  name: nodeName.default('gateway'),
  port: wholeNumber(1, 65_535).default(8000),
  routes: z.array(gatewayRoute).default([gatewayRoute.parse({})]),
  apiKeys: z
    .array(gatewayApiKey)
    .meta({ title: 'API keys', description: 'Clients and their keys, for routes with apiKey auth.' })
    .default([]),
  apiKeyHeader: z.string().trim().min(1).max(80).meta({ title: 'API key header' }).default('x-api-key'),
  jwtSecretEnv: z
    .string()
    .trim()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
    .meta({
      title: 'JWT secret variable',
      description:
        'Environment variable of the engine holding the HS256 secret; the secret is never in the flow.',
    })
    .default('FLOWBENCH_JWT_SECRET'),
});

/** One saga step: an action on a service and the action that undoes it. */
export const sagaStep = z.object({
  name: z.string().trim().min(1, 'is required').max(80).default('step'),
  target: nodeRef.meta({ description: 'Name of a connected service.' }).default(''),
  action: z
    .string()
    .trim()
    .max(500)
    .meta({ description: 'Method or route, e.g. ReserveStock or POST /reservations.' })
    .default(''),
  compensation: z
    .string()
    .trim()
    .max(500)
    .meta({ description: 'What undoes the action when a later step fails, e.g. ReleaseStock.' })
    .default(''),
});

/** What a saga interrupted by an app restart does when its flow runs again. */
export const SAGA_RESUME = ['continue', 'compensate'] as const;

/** Saga orchestrator: ordered steps, each undone by its compensation. */
export const sagaOrchestratorConfig = z.object({
  name: nodeName.default('saga'),
  steps: z
    .array(sagaStep)
    .meta({ description: 'Run in order; on a failure, the compensations of completed steps run in reverse.' })
    .default([]),
  stepTimeoutMs: wholeNumber(1, 600_000).meta({ title: 'Step timeout (ms)' }).default(5000),
  /** What an instance interrupted mid-step (the app quit) does on the next run of the flow. */
  resume: z
    .enum(SAGA_RESUME, { error: 'must be continue or compensate' })
    .meta({
      title: 'On restart',
      description:
        'continue: run the interrupted step again (actions must be idempotent); compensate: undo it and the steps before it.',
    })
    .default('continue'),
  compensationAttempts: wholeNumber(1, 100)
    .meta({
      title: 'Compensation attempts',
      description: 'Tries per compensation before the saga is marked failed (needs a person).',
    })
    .default(3),
});

/**
 * An upcaster: events of `event` written at schema `fromVersion` are read as `fromVersion + 1`
 * (fields renamed, missing ones added). Stored events never change; upcasting happens on read.
 */
export const eventUpcaster = z.object({
  event: z.string().trim().min(1, 'is required').max(200).default('OrderCreated'),
  fromVersion: wholeNumber(1, 1000).meta({ title: 'From schema version' }).default(1),
  rename: z
    .record(z.string(), z.string())
    .meta({ title: 'Rename fields', description: 'Old field name → new field name.' })
    .default({}),
  add: z
    .record(z.string(), z.string())
    .meta({
      title: 'Add fields',
      description: 'Field → value for fields the old schema lacks (JSON values, else text).',
    })
    .default({}),
});

/** A business rule a command must pass before its event is written (the write model's invariant). */
export const eventRule = z.object({
  event: z.string().trim().min(1, 'is required').max(200).default('OrderShipped'),
  when: predicate
    .meta({
      description: '$.state is the stream before the event, $.data the event: e.g. $.state.status == "paid".',
    })
    .default('$.state.status == "paid"'),
});

/** What `status` an order-like stream takes after each event type, for the fold. */
export const DEFAULT_STATUS_BY_EVENT: Record<string, string> = {
  OrderCreated: 'created',
  PaymentReceived: 'paid',
  OrderShipped: 'shipped',
};

/** Event store: append-only streams with versions, optimistic concurrency and periodic snapshots. */
export const eventStoreConfig = z.object({
  name: nodeName.default('event-store'),
  streams: nameList.meta({ description: 'Stream categories, e.g. order, payment (one per line).' }),
  snapshotEvery: wholeNumber(0, 1_000_000)
    .meta({ description: 'Events between snapshots of a stream; 0 never snapshots.' })
    .default(100),
  topic: z
    .string()
    .trim()
    .max(249)
    .regex(/^[A-Za-z0-9._-]*$/, 'may contain letters, digits, ".", "_" and "-" only')
    .meta({
      title: 'Log topic',
      description: 'Topic the events are stored in (keyed by stream id); empty uses the node name.',
    })
    .default(''),
  eventTypes: nameList.meta({
    title: 'Event types',
    description: 'Event types it accepts (one per line); empty accepts any.',
  }),
  rules: z
    .array(eventRule)
    .meta({ description: 'A command whose rule does not hold is refused, not written.' })
    .default([]),
  statusByEvent: z
    .record(z.string(), z.string())
    .meta({ title: 'Status after event', description: 'Event type → the status the fold sets.' })
    .default(DEFAULT_STATUS_BY_EVENT),
  upcasters: z
    .array(eventUpcaster)
    .meta({ description: 'Schema changes of an event type, applied when events are read.' })
    .default([]),
});

/** Projection: folds events into a named read model. */
export const projectionConfig = z.object({
  name: nodeName.default('projection'),
  readModel: z.string().trim().min(1, 'is required').max(200).default('orders-view'),
  events: nameList.meta({
    title: 'From events',
    description: 'Event types it folds in (one per line); empty takes all.',
  }),
  processingMs: wholeNumber(0, 60_000)
    .meta({ title: 'Fold time (ms)', description: 'Time each event takes to fold (shows lag).' })
    .default(0),
});

/** One share of a traffic split, e.g. 90 % to orders-v1 and 10 % to orders-v2. */
export const trafficShare = z.object({
  target: nodeRef.min(1, 'is required').default('v1'),
  weight: wholeNumber(0, 100).meta({ title: 'Weight (%)' }).default(100),
});

/** Mesh policy: retries, timeout, circuit breaker, mTLS and traffic split. */
export const meshPolicyConfig = z
  .object({
    name: nodeName.default('policy'),
    retries: z
      .object({
        attempts: wholeNumber(0, 10).default(3),
        backoffMs: wholeNumber(0, 60_000).meta({ title: 'Backoff (ms)' }).default(100),
        budgetPercent: wholeNumber(0, 100)
          .meta({ title: 'Retry budget (%)', description: 'Retries may add at most this share of calls.' })
          .default(20),
      })
      .default({ attempts: 3, backoffMs: 100, budgetPercent: 20 }),
    timeoutMs: wholeNumber(1, 600_000).meta({ title: 'Timeout (ms)' }).default(2000),
    circuitBreaker: z
      .object({
        enabled: z.boolean().default(false),
        failureThreshold: wholeNumber(1, 1000)
          .meta({ description: 'Consecutive failures that open the circuit.' })
          .default(5),
        openMs: wholeNumber(100, 3_600_000).meta({ title: 'Open for (ms)' }).default(30_000),
      })
      .default({ enabled: false, failureThreshold: 5, openMs: 30_000 }),
    mtls: z.boolean().meta({ title: 'Mutual TLS' }).default(false),
    trafficSplit: z
      .array(trafficShare)
      .meta({ description: 'Shares by version or service name; they must add up to 100.' })
      .default([]),
  })
  .superRefine((cfg, ctx) => {
    const split = Array.isArray(cfg.trafficSplit) ? cfg.trafficSplit : [];
    const total = split.reduce((sum, s) => sum + (Number.isFinite(s.weight) ? s.weight : 0), 0);
    if (split.length > 0 && total !== 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['trafficSplit'],
        message: `weights add up to ${total}, not 100`,
      });
    }
  });

/** Parsed configs (defaults filled) of the architecture pattern kinds. */
export type GatewayRoute = z.infer<typeof gatewayRoute>;
export type GatewayApiKey = z.infer<typeof gatewayApiKey>;
export type ApiGatewayConfig = z.infer<typeof apiGatewayConfig>;
export type SagaStep = z.infer<typeof sagaStep>;
export type SagaOrchestratorConfig = z.infer<typeof sagaOrchestratorConfig>;
export type EventStoreConfig = z.infer<typeof eventStoreConfig>;
export type EventUpcaster = z.infer<typeof eventUpcaster>;
export type EventRule = z.infer<typeof eventRule>;
export type ProjectionConfig = z.infer<typeof projectionConfig>;
export type MeshPolicyConfig = z.infer<typeof meshPolicyConfig>;
