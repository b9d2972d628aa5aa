import type { TraceContext } from '../../trace/traceparent';

/**
 * A message as it moves between nodes of a run. `trace` is the span of the last hop that
 * handled it, so the next hop records itself as that span's child; `messageId` points at
 * the payload already stored, so a hop that forwards it unchanged does not store it again.
 */
export interface FlowMessage {
  key?: string;
  headers: Record<string, string>;
  payload: Buffer;
  trace: TraceContext | null;
  messageId?: number;
}

/** The same message with a new payload (so it is stored again) and the given span. */
export function withPayload(message: FlowMessage, payload: Buffer): FlowMessage {
  return { key: message.key, headers: { ...message.headers }, payload, trace: message.trace };
}
