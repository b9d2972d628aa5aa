import type { UnaryMethod } from './load-proto';
import type { MetadataRecord } from './grpc-metadata';
import type { MethodKind } from './method-kind';

/** A call arriving at a hosted service. */
export interface ServerCallStart {
  /** Unique within the server; ties the message and end events to this call. */
  callId: number;
  method: UnaryMethod;
  kind: MethodKind;
  /** Request metadata, traceparent included. */
  metadata: MetadataRecord;
  peer: string;
  /** The request, for unary and server-streaming calls (streamed requests arrive as messages). */
  request?: unknown;
  startedAt: number;
}

/** One message of a call: `in` from the client, `out` to it. */
export interface ServerCallMessage {
  callId: number;
  method: UnaryMethod;
  direction: 'in' | 'out';
  message: unknown;
  /** 0-based count per direction within the call. */
  index: number;
  at: number;
}

/** How a call ended, as the client saw it. */
export interface ServerCallEnd {
  callId: number;
  method: UnaryMethod;
  code: number;
  /** e.g. DEADLINE_EXCEEDED */
  codeName: string;
  details: string;
  durationMs: number;
  received: number;
  sent: number;
  /** Initial and trailing metadata the service sent. */
  metadata: MetadataRecord;
  trailers: MetadataRecord;
}

/** What the runtime records. Hooks run synchronously; an exception in one is contained. */
export interface ServerCallHooks {
  onCallStart?(call: ServerCallStart): void;
  onMessage?(message: ServerCallMessage): void;
  onCallEnd?(end: ServerCallEnd): void;
}
