import { describe, expect, it } from 'vitest';
import type { RunSnapshot } from '@shared/api/contract';
import type { Environment } from '@shared/run/environment';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, unusedPort } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

const GREETER = `syntax = "proto3";
package hello;
service Greeter { rpc SayHello (HelloRequest) returns (HelloReply); }
message HelloRequest { string name = 1; }
message HelloReply { string message = 1; }
`;

const startEngine = useEngine('graph');
const newEngine = async (): Promise<Engine> => (await startEngine()).engine;

async function status(e: Engine): Promise<RunSnapshot> {
  return e.handlers['run.status']({});
}

const until = untilStatus;

describe.each(ENVIRONMENTS)('the node graph on %s', (_label, environment) => {
  it('a timer ticks into a topic and a sink receives every tick, each a child of its produce span', async () => {
    const e = await newEngine();
    const b = flowBuilder('ticks');
    b.node('clock', 'timer', { intervalMs: 40, count: 5, payload: '{"tick": {{seq}}}' });
    b.node('ticks', 'kafkaTopic', { topic: uniqueName('ticks'), partitions: 1 });
    b.node('end', 'sink', {});
    b.edge('clock', 'ticks');
    b.edge('ticks', 'end');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(e, 'five ticks at the sink', (x) => x.counters.end?.acked === 5);
    expect(s.counters.clock.sent).toBe(5);
    expect(s.counters.clock.status).toBe('done');
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 50 })).rows;
    const ticks = await Promise.all(rows.map((r) => e.handlers['messages.get']({ id: r.id })));
    expect(ticks.map((t) => JSON.parse(t?.payloadText ?? '{}').tick).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const t of ticks) {
      const produce = t?.trace.find((ev) => ev.kind === 'produce' && ev.nodeId === 'clock');
      const deliver = t?.trace.find((ev) => ev.kind === 'deliver' && ev.nodeId === 'end');
      expect(deliver?.parentSpanId).toBe(produce?.spanId);
    }
  });

  it('a gRPC call, its reply published to a queue, and the consumer of that queue are one trace', async () => {
    const e = await newEngine();
    const b = flowBuilder('greetings');
    b.node('client', 'grpcClient', { request: '{"name": "n{{seq}}"}', rate: 50, count: 10 });
    b.node('greeter', 'grpcService', {
      proto: GREETER,
      service: 'hello.Greeter',
      responses: { SayHello: '{"message": "hi {{request.name}}"}' },
    });
    b.node('greeted', 'rabbitQueue', { queue: uniqueName('greeted') });
    b.node('audit', 'consumer', {});
    b.edge('client', 'greeter', { targetHandle: 'SayHello' });
    b.edge('greeter', 'greeted');
    b.edge('greeted', 'audit');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(e, 'ten greetings consumed', (x) => x.counters.audit?.acked === 10);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 100 })).rows;
    const published = rows.filter((r) => r.nodeId === 'greeter' && r.transport !== 'grpc');
    expect(published).toHaveLength(10);
    const detail = await e.handlers['messages.get']({ id: published[0].id });
    const trace = detail?.trace ?? [];
    const call = trace.find((ev) => ev.kind === 'call' && ev.nodeId === 'client');
    const respond = trace.find((ev) => ev.kind === 'respond' && ev.nodeId === 'greeter');
    const produce = trace.find((ev) => ev.kind === 'produce' && ev.nodeId === 'greeter');
    const deliver = trace.find((ev) => ev.kind === 'deliver' && ev.nodeId === 'audit');
    expect(respond?.parentSpanId).toBe(call?.spanId);
    expect(produce?.parentSpanId).toBe(respond?.spanId);
    expect(deliver?.parentSpanId).toBe(produce?.spanId);
    expect(JSON.parse(detail?.payloadText ?? '{}').message).toMatch(/^hi n\d+$/);
  });

  it('routes through a topic exchange by pattern and records what no binding takes as unroutable', async () => {
    const e = await newEngine();
    const b = flowBuilder('routing');
    b.node('orders', 'producer', { rate: 200, count: 20, key: 'orders.{{seq}}.eu' });
    b.node('strays', 'producer', { rate: 200, count: 5, key: 'refunds.{{seq}}' });
    b.node('ex', 'rabbitExchange', { exchange: uniqueName('orders-x'), type: 'topic' });
    b.node('eu', 'rabbitQueue', { queue: uniqueName('eu') });
    b.node('worker', 'consumer', {});
    b.edge('orders', 'ex');
    b.edge('strays', 'ex');
    b.flow.edges.push({
      id: 'bind',
      source: 'ex',
      target: 'eu',
      config: { pattern: 'orders.*.eu' },
    } as never);
    b.edge('eu', 'worker');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(
      e,
      'twenty routed and five unroutable',
      (x) => x.counters.worker?.acked === 20 && x.counters.strays?.errors === 5,
    );
    expect(s.counters.orders.errors).toBe(0);
    await e.handlers['run.stop']({});
    const log = await e.handlers['run.log']({});
    expect(log.find((l) => l.nodeId === 'strays')?.message).toMatch(/unroutable|no queue|route/i);
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 100 })).rows;
    const stray = rows.find((r) => r.nodeId === 'strays');
    const detail = await e.handlers['messages.get']({ id: stray?.id ?? 0 });
    expect(detail?.trace.map((ev) => ev.kind)).toEqual(['unroutable']);
  });

  it('a REST client calls a service route, whose replies are published to a topic, as one trace', async () => {
    const e = await newEngine();
    const b = flowBuilder('rest');
    const port = await unusedPort();
    b.node('shop', 'restClient', {
      method: 'POST',
      path: '/orders/{{seq}}',
      body: '{"qty": {{seq}}}',
      rate: 50,
      count: 8,
    });
    b.node('orders-api', 'restService', {
      port,
      routes: [
        {
          method: 'POST',
          path: '/orders/:id',
          status: 201,
          response: '{"id": "{{params.id}}", "qty": {{body.qty}}}',
        },
      ],
    });
    b.node('placed', 'kafkaTopic', { topic: uniqueName('placed'), partitions: 1 });
    b.node('billing', 'consumer', { group: uniqueName('billing') });
    b.edge('shop', 'orders-api');
    b.edge('orders-api', 'placed');
    b.edge('placed', 'billing');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(e, 'eight orders billed', (x) => x.counters.billing?.acked === 8);
    expect(s.counters.shop.errors).toBe(0);
    expect(s.counters['orders-api'].received).toBe(8);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 100 })).rows;
    const published = rows.filter((r) => r.nodeId === 'orders-api' && r.transport === 'http');
    expect(published).toHaveLength(8);
    const detail = await e.handlers['messages.get']({ id: published[0].id });
    const body = JSON.parse(detail?.payloadText ?? '{}') as { id: string; qty: number };
    expect(Number(body.id)).toBe(body.qty);
    const kinds = (detail?.trace ?? []).map((ev) => `${ev.nodeId}:${ev.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'shop:call',
        'orders-api:respond',
        'orders-api:produce',
        'billing:deliver',
        'billing:ack',
      ]),
    );
    const call = detail?.trace.find((ev) => ev.kind === 'call');
    const respond = detail?.trace.find((ev) => ev.kind === 'respond');
    expect(respond?.parentSpanId).toBe(call?.spanId);
  });

  it('routes by content, filters and transforms, recording what was dropped and why', async () => {
    const e = await newEngine();
    const b = flowBuilder('routing by content');
    b.node('orders', 'producer', {
      rate: 500,
      count: 20,
      payload: '{"seq": {{seq}}, "region": "eu", "total": {{seq}}0}',
      key: 'k{{seq}}',
    });
    b.node('all', 'kafkaTopic', { topic: uniqueName('all'), partitions: 1 });
    b.node('split-by-total', 'router', {
      routes: [{ output: 'big', when: 'payload.total >= 100' }],
    });
    b.node('big', 'sink', {});
    b.node('small-odd', 'filter', {
      when: '$.seq in [1, 3, 5, 7, 9]',
      behaviours: [{ kind: 'transform', template: '{"small": {{payload.seq}}}' }],
    });
    b.node('odd', 'rabbitQueue', { queue: uniqueName('odd') });
    b.node('worker', 'consumer', {});
    b.edge('orders', 'all');
    b.edge('all', 'split-by-total');
    b.edge('split-by-total', 'big', { sourceHandle: 'big' });
    b.edge('split-by-total', 'small-odd', { sourceHandle: 'else' });
    b.edge('small-odd', 'odd');
    b.edge('odd', 'worker');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(
      e,
      'routing done',
      (x) => x.counters.big?.acked === 11 && x.counters.worker?.acked === 5,
    );
    expect(s.counters['small-odd'].received).toBe(9);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 100 })).rows;
    const transformed = rows.filter((r) => r.nodeId === 'small-odd');
    expect(transformed).toHaveLength(5);
    const detail = await e.handlers['messages.get']({ id: transformed[0].id });
    expect(JSON.parse(detail?.payloadText ?? '{}')).toHaveProperty('small');
    const path = (detail?.trace ?? []).map((ev) => `${ev.nodeId}:${ev.kind}`);
    expect(path).toEqual(
      expect.arrayContaining([
        'orders:produce',
        'split-by-total:deliver',
        'small-odd:deliver',
        'small-odd:produce',
        'worker:ack',
      ]),
    );
    const evenRow = rows.find((r) => r.nodeId === 'orders' && r.key === 'k2');
    const even = await e.handlers['messages.get']({ id: evenRow?.id ?? 0 });
    const drop = even?.trace.find((ev) => ev.kind === 'drop');
    expect(drop?.nodeId).toBe('small-odd');
    expect(drop?.error).toMatch(/filtered out/);
  });

  it('refuses a router whose predicate does not parse, naming the route and the position', async () => {
    const e = await newEngine();
    const b = flowBuilder('bad predicate');
    b.node('t', 'kafkaTopic', { topic: uniqueName('bad') });
    b.node('r', 'router', { routes: [{ output: 'x', when: 'payload.total >> 3' }] });
    b.edge('t', 'r');
    const res = await e.handlers['run.start']({ flow: b.flow, environment });
    if (res.ok) throw new Error('expected problems');
    expect(res.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: 'r', path: 'nodes[1].config.routes[0].when' }),
      ]),
    );
  });

  it("runs a service's behaviour steps on what it publishes: split, then filter", async () => {
    const e = await newEngine();
    const b = flowBuilder('service behaviours');
    const port = await unusedPort();
    b.node('shop', 'restClient', {
      method: 'POST',
      path: '/baskets',
      body: '{"n": {{seq}}}',
      rate: 50,
      count: 4,
    });
    b.node('baskets', 'restService', {
      port,
      routes: [
        {
          method: 'POST',
          path: '/baskets',
          status: 201,
          response: '{"items": [{"sku": "a", "qty": 1}, {"sku": "b", "qty": 5}, {"sku": "c", "qty": 9}]}',
        },
      ],
      behaviours: [
        { kind: 'split', path: '$.items' },
        { kind: 'filter', when: '$.qty > 2' },
      ],
    });
    b.node('lines', 'rabbitQueue', { queue: uniqueName('lines') });
    b.node('picker', 'consumer', {});
    b.edge('shop', 'baskets');
    b.edge('baskets', 'lines');
    b.edge('lines', 'picker');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    // 4 baskets × 3 lines, of which 2 per basket have qty > 2.
    await until(e, 'eight lines picked', (x) => x.counters.picker?.acked === 8);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 100 })).rows;
    const lines = rows.filter((r) => r.nodeId === 'baskets' && r.transport !== 'http');
    const payloads = await Promise.all(
      lines.map(async (r) => (await e.handlers['messages.get']({ id: r.id }))?.payloadText),
    );
    expect(payloads.map((p) => JSON.parse(p ?? '{}').sku).sort()).toEqual([
      'b',
      'b',
      'b',
      'b',
      'c',
      'c',
      'c',
      'c',
    ]);
  });

  it('pauses and resumes a producer without a burst, and reports latency quantiles and a histogram', async () => {
    const e = await newEngine();
    const b = flowBuilder('pausing');
    b.node('orders', 'producer', { rate: 200, count: 1_000_000 });
    b.node('q', 'rabbitQueue', { queue: uniqueName('pausing') });
    b.node('worker', 'consumer', {});
    b.edge('orders', 'q');
    b.edge('q', 'worker');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(e, 'messages flowing', (x) => (x.counters.worker?.acked ?? 0) > 50);
    await e.handlers['run.pause']({});
    const paused = await until(e, 'the producer to show paused', (x) => x.counters.orders?.paused === true);
    await new Promise((r) => setTimeout(r, 600));
    const still = await status(e);
    expect(still.counters.orders.sent).toBe(paused.counters.orders.sent);
    await e.handlers['run.resume']({});
    const resumedAt = Date.now();
    const resumed = await until(
      e,
      'sending again',
      (x) => x.counters.orders.sent > still.counters.orders.sent + 20,
    );
    // At 200/s, resuming must not replay the paused time as a burst (600 ms would be 120+ at once).
    const elapsed = (Date.now() - resumedAt) / 1000;
    expect(resumed.counters.orders.sent - still.counters.orders.sent).toBeLessThan(200 * elapsed + 60);
    expect(resumed.counters.orders.paused).toBeUndefined();
    await e.handlers['run.stop']({});
    const final = await status(e);
    expect(final.counters.worker.p50Ms).toBeGreaterThanOrEqual(0);
    expect(final.counters.worker.p99Ms).toBeGreaterThanOrEqual(final.counters.worker.p50Ms as number);
    const h = await e.handlers['run.histogram']({ nodeId: 'worker' });
    expect(h.count).toBe(final.counters.worker.acked);
    expect(h.buckets.reduce((n, x) => n + x.count, 0)).toBe(h.count);
  });
});

describe('the run log', () => {
  it('says once, linked to the node, what went wrong with an unreachable broker, counting repeats', async () => {
    const e = await newEngine();
    const b = flowBuilder('unreachable');
    b.node('orders', 'producer', { rate: 100, count: 50 });
    b.node('t', 'kafkaTopic', { topic: uniqueName('gone') });
    b.edge('orders', 't');
    const port = await unusedPort();
    const environment: Environment = {
      kind: 'local',
      kafkaBrokers: [`127.0.0.1:${port}`],
      amqpUrl: AMQP_URL,
    };
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(e, 'the topic to turn red', (x) => x.counters.t?.status === 'error');
    await e.handlers['run.stop']({});
    const log = await e.handlers['run.log']({});
    const entry = log.find((l) => l.nodeId === 't');
    expect(entry?.level).toBe('error');
    expect(entry?.message).toMatch(/ECONNREFUSED|Connection error/);
    expect(entry?.hint).toMatch(/npm run brokers -- up/);
    expect(new Set(log.map((l) => `${l.nodeId}|${l.message}`)).size).toBe(log.length);
  });
});
