import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS, unusedPort } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';
import { createKafkaFixture, type KafkaFixture } from './helpers/kafka-fixture';

const LOCAL: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', LOCAL],
];

const startEngine = useEngine('event-sourcing');
let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => {
  await kafka.cleanup();
});

/**
 * Three timers write the life of orders 1–4 in order (created, paid, shipped), OrderCreated
 * still in its v1 shape (`amount`); a fourth sends a shipment for order 1 that expects
 * version 1 after the order has reached version 3.
 */
function orderLifecycleFlow(commands: string, log: string): ReturnType<typeof flowBuilder>['flow'] {
  const b = flowBuilder('event sourcing');
  const timer = (id: string, intervalMs: number, count: number, payload: string): void => {
    b.node(id, 'timer', { intervalMs, count, payload });
    b.edge(id, 'commands');
  };
  timer(
    'create',
    150,
    4,
    '{"type": "OrderCreated", "streamId": "order-{{seq}}", "expectedVersion": 0, "schemaVersion": 1, "data": {"customer": "c{{seq}}", "amount": {{seq}}0}}',
  );
  timer(
    'pay',
    300,
    4,
    '{"type": "PaymentReceived", "streamId": "order-{{seq}}", "expectedVersion": 1, "data": {"paid": {{seq}}0}}',
  );
  timer(
    'ship',
    450,
    4,
    '{"type": "OrderShipped", "streamId": "order-{{seq}}", "expectedVersion": 2, "data": {"tracking": "T{{seq}}"}}',
  );
  timer(
    'late',
    2100,
    1,
    '{"type": "OrderShipped", "streamId": "order-1", "expectedVersion": 1, "data": {"tracking": "LATE"}}',
  );
  b.node('commands', 'kafkaTopic', { topic: commands, partitions: 1 });
  b.node('store', 'eventStore', {
    topic: log,
    streams: ['order'],
    snapshotEvery: 2,
    rules: [{ event: 'OrderShipped', when: '$.state.status == "paid"' }],
    upcasters: [
      { event: 'OrderCreated', fromVersion: 1, rename: { amount: 'total' }, add: { currency: 'EUR' } },
    ],
  });
  b.edge('commands', 'store');
  return b.flow;
}

/** The state of order n after its first k events, written out by hand (v1 data upcast to v2). */
function expectedState(n: number, k: number): Record<string, unknown> | null {
  if (k === 0) return null;
  const created = { customer: `c${n}`, total: n * 10, currency: 'EUR', status: 'created', version: 1 };
  if (k === 1) return created;
  const paid = { ...created, paid: n * 10, status: 'paid', version: 2 };
  if (k === 2) return paid;
  return { ...paid, tracking: `T${n}`, status: 'shipped', version: 3 };
}

async function started(e: Engine, flow: unknown, environment: Environment): Promise<string> {
  const result = await e.handlers['run.start']({ flow, environment });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.runId;
}

describe.each(ENVIRONMENTS)('event sourcing on %s', (label, environment) => {
  it('rebuilds the state at event k as the fold of the first k events, and refuses a stale append', async () => {
    const e = (await startEngine()).engine;
    const commands = kafka.topicName('es-commands');
    const log = kafka.topicName('es-log');
    const runId = await started(e, orderLifecycleFlow(commands, log), environment);
    const s = await untilStatus(e, '12 events appended and the late command refused', (x) => {
      const c = x.counters.store;
      return c !== undefined && c.acked === 12 && c.nacked === 1;
    });
    expect(s.counters.store.errors).toBe(1);
    await e.handlers['run.stop']({});

    const streams = await e.handlers['eventStore.streams']({ nodeId: 'store' });
    expect(streams.total).toBe(12);
    expect(streams.streams.map((x) => [x.streamId, x.version]).sort()).toEqual([
      ['order-1', 3],
      ['order-2', 3],
      ['order-3', 3],
      ['order-4', 3],
    ]);
    for (let n = 1; n <= 4; n++) {
      for (let k = 0; k <= 3; k++) {
        const at = await e.handlers['eventStore.state']({
          nodeId: 'store',
          streamId: `order-${n}`,
          version: k,
        });
        expect(at.state, `order-${n} at event ${k}`).toEqual(expectedState(n, k));
        // A snapshot every 2 events: reads from event 2 on start from it.
        expect(at.snapshotVersion).toBe(k >= 2 ? 2 : null);
      }
    }
    // By time: as it was when its second event was written.
    const full = await e.handlers['eventStore.state']({ nodeId: 'store', streamId: 'order-3' });
    expect(full.events.map((x) => `${x.type}@${x.version} v${x.schemaVersion}`)).toEqual([
      'OrderCreated@1 v1',
      'PaymentReceived@2 v1',
      'OrderShipped@3 v1',
    ]);
    const atTime = await e.handlers['eventStore.state']({
      nodeId: 'store',
      streamId: 'order-3',
      timestamp: full.events[1].recordedAt,
    });
    expect(atTime.version).toBe(2);
    expect(atTime.state).toEqual(expectedState(3, 2));

    // The refusal is in the run log and in the late command's trace, with the reason.
    const reason = 'stale expected version 1 for stream order-1: it is at version 3';
    const logLines = await e.handlers['run.log']({});
    expect(logLines.some((l) => l.nodeId === 'store' && l.message.includes(reason))).toBe(true);
    const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows;
    const lateRow = rows.find((r) => r.nodeId === 'late');
    const late = await e.handlers['messages.get']({ id: lateRow!.id });
    const nack = late?.trace.find((ev) => ev.nodeId === 'store' && ev.kind === 'nack');
    expect(nack?.error).toContain(reason);

    if (label === 'Local brokers') {
      // The log on Kafka: one record per event, keyed by stream, version in headers, data as written.
      const records = await kafka.readRaw(log, 12);
      const order2 = records.filter((r) => r.message.key?.toString() === 'order-2');
      expect(order2.map((r) => r.message.headers?.['stream-version']?.toString())).toEqual(['1', '2', '3']);
      expect(order2.map((r) => r.message.headers?.['event-type']?.toString())).toEqual([
        'OrderCreated',
        'PaymentReceived',
        'OrderShipped',
      ]);
      expect(JSON.parse(order2[0].message.value?.toString() ?? '')).toEqual({ customer: 'c2', amount: 20 });
    }
  });
});

describe('event sourcing on Kafka across runs', () => {
  it('reads its log back, so versions and concurrency carry on from the last run', async () => {
    const e = (await startEngine()).engine;
    const commands = kafka.topicName('es-commands');
    const log = kafka.topicName('es-log');
    await started(e, orderLifecycleFlow(commands, log), LOCAL);
    await untilStatus(e, 'the first run appended 12 events', (x) => x.counters.store?.acked === 12);
    await e.handlers['run.stop']({});

    const b = flowBuilder('second run');
    b.node('again', 'timer', {
      intervalMs: 50,
      count: 1,
      payload: '{"type": "OrderCreated", "streamId": "order-2", "expectedVersion": 0, "data": {}}',
    });
    b.node('refund', 'timer', {
      intervalMs: 300,
      count: 1,
      payload:
        '{"type": "PaymentReceived", "streamId": "order-2", "expectedVersion": 3, "data": {"refund": 5}}',
    });
    b.node('commands', 'kafkaTopic', { topic: kafka.topicName('es-commands2'), partitions: 1 });
    b.node('store', 'eventStore', { topic: log });
    b.edge('again', 'commands');
    b.edge('refund', 'commands');
    b.edge('commands', 'store');
    await started(e, b.flow, LOCAL);
    await untilStatus(
      e,
      'one refused, one appended',
      (x) => x.counters.store?.acked === 1 && x.counters.store?.nacked === 1,
    );
    await e.handlers['run.stop']({});
    const order2 = await e.handlers['eventStore.state']({ nodeId: 'store', streamId: 'order-2' });
    expect(order2.version).toBe(4);
    expect(order2.state).toMatchObject({ refund: 5, status: 'paid', version: 4 });
    expect((await e.handlers['run.log']({})).map((l) => l.message).join('\n')).toContain(
      'stale expected version 0 for stream order-2: it is at version 3',
    );
  });
});

describe.each(ENVIRONMENTS)('CQRS on %s', (_label, environment) => {
  it('after a burst of commands the read model converges to the write model and lag returns to 0', async () => {
    const e = (await startEngine()).engine;
    const port = await unusedPort();
    const b = flowBuilder('cqrs');
    b.node('burst', 'producer', {
      rate: 5000,
      count: 150,
      payload:
        '{"type": "OrderCreated", "streamId": "order-{{seq}}", "expectedVersion": 0, "data": {"total": {{seq}}}}',
    });
    b.node('commands', 'kafkaTopic', { topic: kafka.topicName('cqrs-commands'), partitions: 1 });
    b.node('store', 'eventStore', { topic: kafka.topicName('cqrs-log'), rules: [] });
    b.node('view', 'projection', { readModel: 'orders', processingMs: 3 });
    b.node('queries', 'restService', {
      port,
      routes: [
        { method: 'GET', path: '/orders/:id', readModel: 'orders', readModelKey: 'order-{{params.id}}' },
      ],
    });
    b.edge('burst', 'commands');
    b.edge('commands', 'store');
    b.edge('store', 'view');
    b.edge('view', 'queries');
    await started(e, b.flow, environment);
    let maxLag = 0;
    await untilStatus(e, 'all 150 events appended', (x) => {
      maxLag = Math.max(maxLag, x.counters.view?.lag ?? 0);
      return x.counters.store?.acked === 150;
    });
    const settled = await untilStatus(e, 'the projection caught up', (x) => {
      maxLag = Math.max(maxLag, x.counters.view?.lag ?? 0);
      return x.counters.view?.acked === 150 && x.counters.view?.lag === 0;
    });
    // The read side trailed the write side during the burst, and caught up after it.
    expect(maxLag).toBeGreaterThan(0);
    expect(settled.counters.view.lag).toBe(0);
    const streams = await e.handlers['eventStore.streams']({ nodeId: 'store' });
    expect(streams.projections).toEqual([{ nodeId: 'view', readModel: 'orders', lag: 0, entries: 150 }]);
    for (const n of [1, 75, 150]) {
      const res = await fetch(`http://127.0.0.1:${port}/orders/${n}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-projection-lag')).toBe('0');
      const write = await e.handlers['eventStore.state']({ nodeId: 'store', streamId: `order-${n}` });
      expect(await res.json()).toEqual({ id: `order-${n}`, ...write.state });
    }
    expect((await fetch(`http://127.0.0.1:${port}/orders/999`)).status).toBe(404);
    await e.handlers['run.stop']({});
  });
});

describe.each(ENVIRONMENTS)('a command route on %s', (_label, environment) => {
  it('answers 201 with the new version, 409 for a stale version and 422 when a rule refuses', async () => {
    const e = (await startEngine()).engine;
    const port = await unusedPort();
    const b = flowBuilder('commands over HTTP');
    b.node('api', 'restService', {
      port,
      routes: [
        {
          method: 'POST',
          path: '/orders/:id/events',
          appendTo: 'store',
          response:
            '{"type": "{{body.type}}", "streamId": "order-{{params.id}}", "expectedVersion": {{body.expectedVersion}}, "data": {{body.data}}}',
        },
      ],
    });
    b.node('store', 'eventStore', {
      topic: kafka.topicName('cmd-log'),
      rules: [{ event: 'OrderShipped', when: '$.state.status == "paid"' }],
    });
    b.edge('api', 'store');
    await started(e, b.flow, environment);
    await untilStatus(e, 'the service serving', (x) => x.counters.api?.status === 'running');
    const post = async (body: unknown): Promise<{ status: number; json: unknown }> => {
      const res = await fetch(`http://127.0.0.1:${port}/orders/7/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    };
    expect(await post({ type: 'OrderCreated', expectedVersion: 0, data: { total: 3 } })).toEqual({
      status: 201,
      json: { streamId: 'order-7', version: 1, type: 'OrderCreated' },
    });
    expect(await post({ type: 'OrderShipped', expectedVersion: 1, data: {} })).toEqual({
      status: 422,
      json: {
        error:
          'OrderShipped refused for order-7: rule $.state.status == "paid" does not hold (status is created)',
      },
    });
    expect(await post({ type: 'PaymentReceived', expectedVersion: 1, data: {} })).toMatchObject({
      status: 201,
    });
    expect(await post({ type: 'PaymentReceived', expectedVersion: 1, data: {} })).toEqual({
      status: 409,
      json: {
        error:
          'stale expected version 1 for stream order-7: it is at version 2 (another command was written first)',
      },
    });
    const s = await e.handlers['run.status']({});
    // The route's replies are answers, not events: nothing is appended twice.
    expect(s.counters.store).toMatchObject({ acked: 2, nacked: 2 });
    expect((await e.handlers['eventStore.state']({ nodeId: 'store', streamId: 'order-7' })).version).toBe(2);
    await e.handlers['run.stop']({});
  });
});

describe('a projection reading events from a Kafka topic', () => {
  it('folds what the store published there into the same state as the write model', async () => {
    const e = (await startEngine()).engine;
    const b = flowBuilder('projection over kafka');
    b.node('burst', 'producer', {
      rate: 2000,
      count: 40,
      payload: '{"type": "OrderCreated", "streamId": "order-{{seq}}", "data": {"total": {{seq}}}}',
    });
    b.node('commands', 'kafkaTopic', { topic: kafka.topicName('pk-commands'), partitions: 1 });
    b.node('store', 'eventStore', { topic: kafka.topicName('pk-log') });
    b.node('events', 'kafkaTopic', { topic: kafka.topicName('pk-events'), partitions: 3 });
    b.node('view', 'projection', { readModel: 'orders' });
    b.edge('burst', 'commands');
    b.edge('commands', 'store');
    b.edge('store', 'events');
    b.edge('events', 'view');
    const port = await unusedPort();
    b.node('queries', 'restService', {
      port,
      routes: [
        { method: 'GET', path: '/orders/:id', readModel: 'orders', readModelKey: 'order-{{params.id}}' },
      ],
    });
    b.edge('view', 'queries');
    await started(e, b.flow, LOCAL);
    await untilStatus(e, 'the projection folded all 40 from Kafka', (x) => x.counters.view?.acked === 40);
    for (const n of [1, 17, 40]) {
      const read = await fetch(`http://127.0.0.1:${port}/orders/${n}`);
      const write = await e.handlers['eventStore.state']({ nodeId: 'store', streamId: `order-${n}` });
      expect(await read.json()).toEqual({ id: `order-${n}`, ...write.state });
    }
    await e.handlers['run.stop']({});
    const streams = await e.handlers['eventStore.streams']({ nodeId: 'store' });
    expect(streams.total).toBe(40);
    const rows = (
      await e.handlers['messages.list']({ runId: (await e.handlers['run.status']({})).runId!, limit: 500 })
    ).rows;
    // Each event went through the topic, keyed by its stream.
    expect(
      rows
        .filter((r) => r.nodeId === 'store' && r.transport === 'kafka')
        .map((r) => r.key)
        .sort(),
    ).toHaveLength(40);
  });
});
