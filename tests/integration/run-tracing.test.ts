import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const BROKERS: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const GREETER = `syntax = "proto3";
package hello;
service Greeter { rpc SayHello (HelloRequest) returns (HelloReply); }
message HelloRequest { string name = 1; }
message HelloReply { string message = 1; }
`;

const startEngine = useEngine('tracing');

/**
 * A Kafka path read by a consumer node, a queue left for a bare client to read (so the
 * headers on the wire can be checked), and a gRPC call: five messages each.
 */
function threePaths(queue: string): unknown {
  const b = flowBuilder('tracing');
  b.node('kp', 'producer', { rate: 100, count: 5, payload: '{"n": {{seq}}}' });
  b.node('topic', 'kafkaTopic', { topic: uniqueName('tracing'), partitions: 1 });
  b.node('kc', 'consumer', { group: uniqueName('tracing-g') });
  b.edge('kp', 'topic');
  b.edge('topic', 'kc');
  b.node('qp', 'producer', { rate: 100, count: 5, payload: '{"n": {{seq}}}' });
  b.node('queue', 'rabbitQueue', { queue });
  b.edge('qp', 'queue');
  b.node('client', 'grpcClient', { request: '{"name": "n{{seq}}"}', rate: 100, count: 5 });
  b.node('greeter', 'grpcService', {
    proto: GREETER,
    service: 'hello.Greeter',
    methods: [{ method: 'SayHello', reply: 'echo' }],
  });
  b.edge('client', 'greeter', { targetHandle: 'SayHello' });
  return b.flow;
}

/** Runs the three paths until every message went through; returns the run and what the queue held. */
async function runThreePaths(
  e: Engine,
  tracing: boolean | undefined,
): Promise<{ runId: string; queued: Array<Record<string, unknown>> }> {
  const queue = uniqueName('tracing-q');
  const started = await e.handlers['run.start']({
    flow: threePaths(queue),
    environment: BROKERS,
    ...(tracing === undefined ? {} : { tracing }),
  });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  const s = await untilStatus(
    e,
    'every path done',
    (x) => x.counters.kc?.acked === 5 && x.counters.qp?.sent === 5 && x.counters.client?.status === 'done',
  );
  expect(s.counters.kp.sent).toBe(5);
  expect(s.counters.client).toMatchObject({ sent: 5, received: 5, errors: 0 });
  expect(s.counters.greeter).toMatchObject({ received: 5, sent: 5 });
  // Latency is observed with tracing on or off.
  expect(s.counters.kc.p50Ms).toBeGreaterThanOrEqual(0);
  await e.handlers['run.stop']({});
  const conn = await amqp.connect(AMQP_URL);
  try {
    const ch = await conn.createChannel();
    const queued: Array<Record<string, unknown>> = [];
    for (let m = await ch.get(queue, { noAck: true }); m; m = await ch.get(queue, { noAck: true }))
      queued.push(m.properties.headers ?? {});
    await ch.deleteQueue(queue);
    return { runId: started.runId, queued };
  } finally {
    await conn.close();
  }
}

describe('tracing on and off', () => {
  it('with tracing off a run counts every message but records nothing and adds no traceparent', async () => {
    const { engine: e } = await startEngine();
    const { runId, queued } = await runThreePaths(e, false);
    expect(queued).toHaveLength(5);
    for (const headers of queued) expect(headers).not.toHaveProperty('traceparent');
    const [run] = await e.handlers['runs.list']({ limit: 1 });
    expect(run).toMatchObject({ id: runId, messageCount: 0, eventCount: 0 });
    expect((await e.handlers['messages.list']({ runId, limit: 10 })).rows).toEqual([]);
  });

  it('with tracing on (the default) every payload and hop of the same run is recorded', async () => {
    const { engine: e } = await startEngine();
    const { runId, queued } = await runThreePaths(e, undefined);
    expect(queued).toHaveLength(5);
    for (const headers of queued) expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [run] = await e.handlers['runs.list']({ limit: 1 });
    // Kafka: 5 payloads, produce + deliver + ack each; queue: 5 payloads, 5 produce;
    // gRPC: 5 requests and 5 replies stored, a call and a respond span each.
    expect(run).toMatchObject({ id: runId, messageCount: 20, eventCount: 30 });
  });
});
