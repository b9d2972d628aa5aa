import { formatTraceparent, newSpanId, parseTraceparent } from '../../trace/traceparent';

/**
 * A subscription payload that carries the trace of the message it came from (a Kafka or
 * AMQP delivery). Each subscriber's result then holds a child span of that trace in
 * `extensions.traceparent`, so the WebSocket client joins the message's trace.
 */
export class TracedEvent {
  constructor(
    readonly payload: unknown,
    /** W3C traceparent of the hop that produced the event. */
    readonly traceparent: string,
  ) {}
}

/** The payload to resolve, and for a traced one the span it came from and a new span to send. */
export function unwrapEvent(value: unknown): { payload: unknown; source?: string; sent?: string } {
  if (!(value instanceof TracedEvent)) return { payload: value };
  const parent = parseTraceparent(value.traceparent);
  if (!parent) return { payload: value.payload };
  return {
    payload: value.payload,
    source: value.traceparent,
    sent: formatTraceparent({ traceId: parent.traceId, spanId: newSpanId() }),
  };
}
