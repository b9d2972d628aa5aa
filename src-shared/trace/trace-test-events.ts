import type { TraceEvent } from './events';

/** A trace event for tests of the pure trace models: only what the test sets differs. */
export function ev(spanId: string, parentSpanId: string | null, over: Partial<TraceEvent>): TraceEvent {
  return {
    runId: 'r',
    traceId: 'a'.repeat(32),
    spanId,
    parentSpanId,
    nodeId: 'n',
    kind: 'produce',
    transport: 'kafka',
    destination: 'orders',
    ts: 0,
    ...over,
  };
}
