import type { FaultKind } from '../flow/kinds/faults';

/** What happened at one hop of a message. */
export const TRACE_EVENT_KINDS = [
  'produce',
  'deliver',
  /** A delivery the broker marks as handed out before (requeued, or its consumer was lost). */
  'redeliver',
  'ack',
  'nack',
  'call',
  'respond',
  'error',
  /** A publish no binding matched (RabbitMQ returned it). */
  'unroutable',
  /** A filter or router let the message go no further. */
  'drop',
  /** An event appended to an event store stream. */
  'append',
  /** A delivery that broke its channel's message contract (the error lists the violations). */
  'invalid',
  /** An injected fault that leaves no other event: a message held back by a reorder fault. */
  'fault',
  /** A saga undoing a step it did (a compensation call). */
  'compensate',
] as const;
export type TraceEventKind = (typeof TRACE_EVENT_KINDS)[number];

/** `inproc` is a hop inside the run (router → sink), with no broker in between. */
export const TRANSPORTS = ['kafka', 'amqp', 'grpc', 'http', 'graphql', 'embedded', 'inproc'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/**
 * One span event of a trace. Produce/call events open a span; deliver/respond events are
 * child spans whose parent is the span that carried the W3C traceparent.
 */
export interface TraceEvent {
  runId: string;
  /** 32 lowercase hex characters (W3C trace-id). */
  traceId: string;
  /** 16 lowercase hex characters (W3C parent-id of the next hop). */
  spanId: string;
  parentSpanId: string | null;
  nodeId: string;
  kind: TraceEventKind;
  transport: Transport;
  /** Topic, queue or `package.Service/Method`. */
  destination: string;
  /** Epoch milliseconds, fractional. */
  ts: number;
  partition?: number;
  offset?: string;
  key?: string;
  /** Reference to the stored payload (messages.id). */
  messageId?: number;
  durationMs?: number;
  /** Error text from the broker or server: untrusted, render as text. */
  error?: string;
  /** Set when a fault was injected on purpose at this hop (faults on demand). */
  fault?: InjectedFault;
}

/** Marks a trace event as shaped by injected faults, so it is never mistaken for a real failure. */
export interface InjectedFault {
  injected: true;
  /** The faults applied, in order, e.g. ['latency', 'duplicate']. */
  kinds: FaultKind[];
  /** One line for people: "latency 130 ms; duplicate copy 1 of 1". */
  detail: string;
}

/** A payload as recorded, stored once and referenced by events. */
export interface RecordedMessageInput {
  runId: string;
  traceId: string;
  spanId: string;
  nodeId: string;
  transport: Transport;
  destination: string;
  ts: number;
  key?: string;
  partition?: number;
  headers: Record<string, string>;
  payload: Uint8Array;
}
