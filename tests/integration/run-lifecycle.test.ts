import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, unusedPort, waitFor } from './helpers/brokers';
import { useEngine } from './helpers/engine';

interface SampleDoc {
  nodes: Array<{ id: string; config: Record<string, unknown> }>;
}

function sample(count: number, rate: number): SampleDoc {
  const doc = JSON.parse(
    readFileSync(join(__dirname, '../../resources/sample.flow.json'), 'utf8'),
  ) as SampleDoc;
  for (const n of doc.nodes) {
    if (n.id.endsWith('producer') || n.id === 'greeter-client') Object.assign(n.config, { count, rate });
    if (n.id === 'orders-topic') n.config.topic = uniqueName('orders');
    if (n.id === 'tasks-queue') n.config.queue = uniqueName('tasks');
    if (n.id === 'billing-consumer') n.config.group = uniqueName('billing');
  }
  return doc;
}

const startEngine = useEngine('life');
const newEngine = async (): Promise<Engine> => (await startEngine()).engine;

/** Live sockets and timers of this process, by type (Node's own view of what keeps it running). */
function liveResources(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) out[r] = (out[r] ?? 0) + 1;
  return out;
}

describe('a run on Local brokers', () => {
  it('marks only the nodes of an unreachable broker red, with its message and a hint, while the other paths run', async () => {
    const e = await newEngine();
    const env: Environment = {
      kind: 'local',
      kafkaBrokers: [`127.0.0.1:${await unusedPort()}`],
      amqpUrl: AMQP_URL,
    };
    const started = await e.handlers['run.start']({ flow: sample(20, 200), environment: env });
    expect(started.ok).toBe(true);
    let counters = (await e.handlers['run.status']({})).counters;
    await waitFor('the queue path to finish and Kafka to fail', () => {
      void e.handlers['run.status']({}).then((s) => (counters = s.counters));
      return counters['worker-consumer']?.acked === 20 && counters['orders-topic']?.status === 'error';
    });
    for (const id of ['orders-producer', 'orders-topic', 'billing-consumer']) {
      expect(counters[id].status).toBe('error');
      expect(counters[id].error).toMatch(/ECONNREFUSED|Connection error/);
      expect(counters[id].hint).toMatch(/npm run brokers -- up|Embedded/);
    }
    expect(counters['tasks-producer'].status).toBe('done');
    expect(counters['greeter-client'].errors).toBe(0);
    await e.handlers['run.stop']({});
    const runs = await e.handlers['runs.list']({ limit: 5 });
    expect(runs[0].messageCount).toBeGreaterThanOrEqual(40);
  });

  it('stops mid-stream: in-flight messages are delivered, then every client and server is closed', async () => {
    const before = liveResources();
    const started0 = await startEngine();
    const e = started0.engine;
    const env: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
    const started = await e.handlers['run.start']({ flow: sample(1_000_000, 100), environment: env });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    let status = await e.handlers['run.status']({});
    await waitFor('messages to flow on every path', () => {
      void e.handlers['run.status']({}).then((s) => (status = s));
      const c = status.counters;
      return (
        (c['billing-consumer']?.acked ?? 0) > 50 &&
        (c['worker-consumer']?.acked ?? 0) > 50 &&
        (c['greeter-client']?.received ?? 0) > 10
      );
    });
    await e.handlers['run.stop']({});
    const c = (await e.handlers['run.status']({})).counters;
    expect(c['orders-producer'].status).toBe('stopped');
    // Everything produced before Stop reached its consumer: nothing was cut off in flight.
    expect(c['billing-consumer'].acked).toBe(c['orders-producer'].sent);
    expect(c['worker-consumer'].acked).toBe(c['tasks-producer'].sent);
    await started0.close();
    // The gRPC server's port and every broker connection are gone.
    await waitFor(
      'sockets and timers of the run to close',
      () => {
        const now = liveResources();
        return (
          (now.TCPSocketWrap ?? 0) <= (before.TCPSocketWrap ?? 0) &&
          (now.TCPServerWrap ?? 0) <= (before.TCPServerWrap ?? 0)
        );
      },
      10_000,
    );
  });

  it('refuses to start a flow with problems, before anything connects', async () => {
    const e = await newEngine();
    const doc = sample(1, 1);
    delete doc.nodes[1].config.topic;
    const res = await e.handlers['run.start']({
      flow: doc,
      environment: { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL },
    });
    expect(res).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'nodes[1].config.topic', message: 'is required' })],
    });
    expect((await e.handlers['run.status']({})).state).toBe('idle');
    expect(await e.handlers['runs.list']({ limit: 5 })).toEqual([]);
  });
});
