import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus as until, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];
const startEngine = useEngine('contracts');

const ORDER_AVRO = JSON.stringify({
  type: 'record',
  name: 'Order',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'quantity', type: 'int' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
  ],
});

const ORDER_JSON_SCHEMA = JSON.stringify({
  type: 'object',
  required: ['id', 'total'],
  properties: { id: { type: 'string' }, total: { type: 'number', minimum: 0 } },
});

describe.each(ENVIRONMENTS)('message contracts on %s', (_label, environment) => {
  it('produces fake Avro payloads in the Schema Registry wire format, valid at the consumer', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('avro');
    b.node('orders', 'producer', { rate: 500, count: 15, fromContract: true });
    b.node('t', 'kafkaTopic', {
      topic: uniqueName('avro'),
      partitions: 1,
      contract: { format: 'avro', schema: ORDER_AVRO },
      encoding: 'avro-confluent',
      schemaId: 42,
    });
    b.node('billing', 'consumer', { group: uniqueName('avro') });
    b.edge('orders', 't');
    b.edge('t', 'billing');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(e, 'fifteen consumed', (x) => x.counters.billing?.acked === 15);
    expect(s.counters.billing.invalid).toBe(0);
    expect(s.counters.orders.errors).toBe(0);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 50 })).rows;
    const detail = await e.handlers['messages.get']({ id: rows[0].id });
    // NUL bytes are valid UTF-8, so the framed payload may come back as text or as base64.
    const wire = detail?.payloadBase64
      ? Buffer.from(detail.payloadBase64, 'base64')
      : Buffer.from(detail?.payloadText ?? '', 'utf8');
    expect(wire[0]).toBe(0);
    expect(wire.readUInt32BE(1)).toBe(42);
    // Shown decoded with the topic's contract, as the run knew it.
    expect(detail?.decoded).toMatchObject({ format: 'avro-confluent', schemaId: 42 });
    const order = JSON.parse(detail?.decoded?.text ?? '{}') as Record<string, unknown>;
    expect(Object.keys(order).sort()).toEqual(['id', 'quantity', 'status']);
  });

  it('flags deliveries that break a JSON Schema on the consumer and in the trace, and still delivers them', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('json schema');
    b.node('orders', 'producer', {
      rate: 500,
      count: 10,
      payload: '{"id": "o{{seq}}", "total": {{seq}}}',
    });
    b.node('bad', 'producer', { rate: 500, count: 4, payload: '{"id": {{seq}}, "total": -1}' });
    b.node('q', 'rabbitQueue', {
      queue: uniqueName('orders'),
      contract: { format: 'json-schema', schema: ORDER_JSON_SCHEMA },
    });
    b.node('worker', 'consumer', {});
    b.edge('orders', 'q');
    b.edge('bad', 'q');
    b.edge('q', 'worker');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(e, 'all fourteen delivered', (x) => x.counters.worker?.acked === 14);
    expect(s.counters.worker.invalid).toBe(4);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 50 })).rows;
    const badRow = rows.find((r) => r.nodeId === 'bad');
    const detail = await e.handlers['messages.get']({ id: badRow?.id ?? 0 });
    const invalid = detail?.trace.find((ev) => ev.kind === 'invalid');
    expect(invalid?.nodeId).toBe('worker');
    expect(invalid?.error).toMatch(/id/);
    expect(invalid?.error).toMatch(/total/);
    const log = await e.handlers['run.log']({});
    expect(log.find((l) => l.nodeId === 'worker')?.repeats).toBe(4);
  });
});
