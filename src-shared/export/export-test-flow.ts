import type { FlowDocument } from '../flow/document';
import { parseFlowValue } from '../flow/parse';
import type { TraceEvent } from '../trace/events';

/**
 * A small flow for exporter tests: a producer into a topic exchange bound to a queue with a
 * JSON Schema contract, a Kafka topic read by a consumer, a group holding the queue's
 * consumer, a note, and names with characters every format must escape.
 */
export function exportTestFlow(): FlowDocument {
  const parsed = parseFlowValue({
    version: 2,
    name: 'Orders <&> "test"; #1',
    nodes: [
      {
        id: 'ctx',
        kind: 'group',
        position: { x: 600, y: 0 },
        config: { name: 'Billing & co', width: 320, height: 200 },
      },
      {
        id: 'prod',
        kind: 'producer',
        position: { x: 0, y: 100 },
        config: { name: 'orders <in>', payload: '{"id": {{seq}}, "sku": "{{uuid}}", "tags": ["a"]}' },
      },
      {
        id: 'ex',
        kind: 'rabbitExchange',
        position: { x: 300, y: 0 },
        config: { name: 'orders-x', exchange: 'orders', type: 'topic' },
      },
      {
        id: 'q',
        kind: 'rabbitQueue',
        position: { x: 300, y: 200 },
        config: {
          name: 'billing',
          queue: 'billing',
          durable: true,
          contract: {
            format: 'json-schema',
            schema:
              '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"total":{"type":"number"}},"required":["total"]}',
          },
        },
      },
      {
        id: 'worker',
        kind: 'consumer',
        parentId: 'ctx',
        position: { x: 40, y: 60 },
        config: { name: 'end', group: 'billers' },
      },
      {
        id: 'topic',
        kind: 'kafkaTopic',
        position: { x: 300, y: 400 },
        config: { name: 'audit', topic: 'audit', partitions: 6, cleanupPolicy: 'compact,delete' },
      },
      {
        id: 'reader',
        kind: 'consumer',
        position: { x: 600, y: 400 },
        config: { name: 'auditor', group: 'audit-group' },
      },
      { id: 'memo', kind: 'note', position: { x: 0, y: 400 }, config: { text: '# Why\n- **bold** reason' } },
    ],
    edges: [
      { id: 'e1', source: 'prod', target: 'ex' },
      { id: 'e2', source: 'ex', target: 'q', config: { pattern: 'order.#' } },
      { id: 'e3', source: 'q', target: 'worker' },
      { id: 'e4', source: 'prod', target: 'topic' },
      { id: 'e5', source: 'topic', target: 'reader' },
    ],
  });
  if (!parsed.ok) throw new Error(`test flow is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.flow;
}

const base = { runId: 'r1', traceId: 'a'.repeat(32), transport: 'amqp' as const };
/** A produce, its delivery, a failed retry, and a call answered by a service. */
export const SAMPLE_TRACE: TraceEvent[] = [
  { ...base, spanId: '1', parentSpanId: null, nodeId: 'prod', kind: 'produce', destination: 'orders', ts: 1 },
  {
    ...base,
    spanId: '2',
    parentSpanId: '1',
    nodeId: 'worker',
    kind: 'deliver',
    destination: 'billing',
    ts: 3,
  },
  {
    ...base,
    spanId: '3',
    parentSpanId: '1',
    nodeId: 'worker',
    kind: 'nack',
    destination: 'billing',
    ts: 4,
    error: 'boom; <b>#1</b>',
  },
  {
    ...base,
    spanId: '4',
    parentSpanId: '2',
    nodeId: 'svc',
    kind: 'call',
    destination: 'POST /pay',
    ts: 5,
    transport: 'http',
  },
  {
    ...base,
    spanId: '5',
    parentSpanId: '4',
    nodeId: 'svc',
    kind: 'respond',
    destination: 'POST /pay',
    ts: 6,
    durationMs: 1.25,
  },
  { ...base, spanId: '6', parentSpanId: '4', nodeId: 'gw', kind: 'respond', destination: 'POST /pay', ts: 7 },
];
