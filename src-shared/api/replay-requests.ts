import { z } from 'zod';
import { environmentSchema } from '../run/environment';
import { messageFilterSchema } from '../trace/message-filter';
import { output } from './request-output';

/**
 * Replay (issue 6): send recorded messages again, to where they went or to any other node,
 * recorded as new traces linked to their originals. Requests of this area only.
 */

const messageId = z.number().int().positive();

/** What to replay: messages by id (in the order given), a browser filter, or a whole run. */
export const replaySourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('messages'), ids: z.array(messageId).min(1).max(1_000_000) }).strict(),
  z.object({ kind: z.literal('filter'), filter: messageFilterSchema }).strict(),
  z.object({ kind: z.literal('run'), runId: z.string().min(1).max(64) }).strict(),
]);
export type ReplaySource = z.infer<typeof replaySourceSchema>;

const name = z.string().trim().min(1).max(255);

/**
 * Where to send: each message's own destination, or one node of the flow. Kafka and RabbitMQ
 * targets need only the environment's brokers; HTTP and gRPC targets need the run that hosts
 * the service (or, for HTTP, an explicit base URL).
 */
export const replayTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('original') }).strict(),
  z.object({ kind: z.literal('kafka'), topic: name, nodeId: z.string().optional() }).strict(),
  z
    .object({
      kind: z.literal('exchange'),
      exchange: name,
      /** Absent: each message's key, as the flow's producers route by default. */
      routingKey: z.string().max(255).optional(),
      nodeId: z.string().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('queue'), queue: name, nodeId: z.string().optional() }).strict(),
  z
    .object({
      kind: z.literal('http'),
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      /** `/orders` or `/orders/42`; route parameters must be filled in. */
      path: z.string().regex(/^\/\S*$/, 'a path starting with /'),
      /** The REST service node of the running flow that serves the route. */
      nodeId: z.string().optional(),
      /** Or any base URL, e.g. http://127.0.0.1:8080 (then no run is needed). */
      baseUrl: z.url().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('grpc'),
      /** The gRPC service node of the running flow. */
      nodeId: z.string().min(1),
      /** Method name, e.g. SayHello. */
      method: z.string().min(1).max(200),
    })
    .strict(),
]);
export type ReplayTarget = z.infer<typeof replayTargetSchema>;

export const replayPacingSchema = z.discriminatedUnion('mode', [
  /** The recorded gaps between messages, optionally sped up (2 = twice as fast). */
  z.object({ mode: z.literal('recorded'), speed: z.number().positive().max(1000).default(1) }).strict(),
  z.object({ mode: z.literal('rate'), perSecond: z.number().positive().max(1_000_000) }).strict(),
  z.object({ mode: z.literal('fast') }).strict(),
]);
export type ReplayPacing = z.infer<typeof replayPacingSchema>;

/** A changed copy of one message: payload text and/or the whole header set. */
export const messageEditSchema = z
  .object({
    messageId,
    payloadText: z
      .string()
      .max(16 * 1024 * 1024)
      .optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type MessageEdit = z.infer<typeof messageEditSchema>;

export const replayPlanSchema = z
  .object({
    source: replaySourceSchema,
    target: replayTargetSchema,
    pacing: replayPacingSchema.default({ mode: 'fast' }),
    edits: z.array(messageEditSchema).max(10_000).optional(),
    /** Headers set (or, with null, removed) on every message. */
    headers: z.record(z.string(), z.string().nullable()).optional(),
    /** Brokers to send to when no run is going; absent: the active environment. */
    environment: environmentSchema.optional(),
  })
  .strict();
export type ReplayPlan = z.infer<typeof replayPlanSchema>;
export type ReplayPlanInput = z.input<typeof replayPlanSchema>;

/** One message as it would be sent (a dry run's row). Payload and headers are untrusted text. */
export interface ReplayPreviewItem {
  originalId: number;
  transport: string;
  /** Where it would go, e.g. `kafka orders`, `amqp exchange billing (key eu)`, `http POST /x`. */
  target: string;
  key: string | null;
  headers: Record<string, string>;
  payloadText: string | null;
  size: number;
  edited: boolean;
}

export interface ReplayPreview {
  /** Every message the replay would send. */
  total: number;
  /** The first ones (up to the requested limit), in sending order. */
  items: ReplayPreviewItem[];
}

export type ReplayState = 'running' | 'done' | 'cancelled' | 'failed';

/**
 * A replay as recorded. `sent` counts messages the broker or server took; `failed` the ones
 * it refused. Cancelled: nothing after `sent + failed` left, and every message that did
 * leave is recorded and linked.
 */
export interface ReplayRecord {
  id: string;
  kind: 'replay' | 'redrive';
  /** The run row the replayed messages are recorded under. */
  runId: string;
  source: string;
  target: string;
  pacing: string;
  state: ReplayState;
  total: number;
  sent: number;
  failed: number;
  error: string | null;
  startedAt: number;
  endedAt: number | null;
}

/** A message at one end of a replay link. */
export interface LinkedMessage {
  messageId: number;
  traceId: string;
  replayId: string;
  ts: number;
  destination: string;
}

export interface ReplayLinks {
  /** The original this message is a replay of, when it is one. */
  replayOf: LinkedMessage | null;
  /** Every replay of this message, oldest first. */
  replayedAs: LinkedMessage[];
}

export const replayRequests = {
  /** A dry run: what would be sent, to where, with edits applied; nothing is sent or recorded. */
  'replay.preview': {
    input: z
      .object({ plan: replayPlanSchema, limit: z.number().int().min(1).max(1000).default(200) })
      .strict(),
    output: output<ReplayPreview>(),
  },
  /** Starts a replay in the background; progress comes as `replay.progress` events. */
  'replay.start': {
    input: z.object({ plan: replayPlanSchema }).strict(),
    output: output<ReplayRecord>(),
  },
  /** Stops a replay after the batch in flight; the record says how many left. */
  'replay.cancel': {
    input: z.object({ replayId: z.string().min(1).max(64) }).strict(),
    output: output<ReplayRecord>(),
  },
  'replay.get': {
    input: z.object({ replayId: z.string().min(1).max(64) }).strict(),
    output: output<ReplayRecord | null>(),
  },
  'replay.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: output<ReplayRecord[]>(),
  },
  /** "Replay of …" and "replayed as …" for one recorded message. */
  'replay.links': {
    input: z.object({ messageId }).strict(),
    output: output<ReplayLinks>(),
  },
  /**
   * Dead-letter redrive in one action: moves every message of a dead-letter queue (a queue
   * node of the running flow) back to its source queue, each recorded as a new trace linked
   * to the message it was.
   */
  'replay.redrive': {
    input: z.object({ nodeId: z.string().min(1).max(200) }).strict(),
    output: output<ReplayRecord & { to: string }>(),
  },
} as const;

/** Pushed at most every 200 ms while a replay goes, and once when it ends. */
export interface ReplayProgressEvent {
  replay: ReplayRecord;
}
