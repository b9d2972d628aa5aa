import type { TraceEvent } from '../../src-shared/trace/events';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The trace id of the benchmark's big trace. */
export const BIG_TRACE_ID = hex(0xb16, 32);

/**
 * One trace of `spans` spans shaped like a busy fan-out: a produce read by many consumers
 * (every tenth delivery retried once after a nack), each delivery acked and making a call
 * that is answered. Times spread over about a second.
 */
export function bigTrace(runId: string, spans: number, t0: number): TraceEvent[] {
  const events: TraceEvent[] = [];
  let n = 1;
  const span = (): string => hex(n++, 16);
  const base = { runId, traceId: BIG_TRACE_ID, transport: 'kafka' as const, destination: 'orders' };
  const root = span();
  events.push({
    ...base,
    spanId: root,
    parentSpanId: null,
    nodeId: 'orders',
    kind: 'produce',
    ts: t0,
    durationMs: 2,
  });
  for (let i = 0; events.length < spans; i++) {
    const node = `consumer-${i % 40}`;
    const at = t0 + 1 + (i % 1000);
    const deliver = span();
    events.push({ ...base, spanId: deliver, parentSpanId: root, nodeId: node, kind: 'deliver', ts: at });
    if (i % 10 === 0) {
      events.push({
        ...base,
        spanId: span(),
        parentSpanId: deliver,
        nodeId: node,
        kind: 'nack',
        ts: at + 1,
        durationMs: 1,
        error: 'busy',
      });
      const again = span();
      events.push({
        ...base,
        spanId: again,
        parentSpanId: root,
        nodeId: node,
        kind: 'redeliver',
        ts: at + 2,
      });
      events.push({
        ...base,
        spanId: span(),
        parentSpanId: again,
        nodeId: node,
        kind: 'ack',
        ts: at + 3,
        durationMs: 1,
      });
      continue;
    }
    events.push({
      ...base,
      spanId: span(),
      parentSpanId: deliver,
      nodeId: node,
      kind: 'ack',
      ts: at + 2,
      durationMs: 2,
    });
    const call = span();
    events.push({
      ...base,
      transport: 'grpc',
      destination: 'billing.Billing/Charge',
      spanId: call,
      parentSpanId: deliver,
      nodeId: node,
      kind: 'call',
      ts: at + 1,
      durationMs: 1,
    });
  }
  return events.slice(0, spans);
}
