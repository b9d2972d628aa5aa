import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus as until, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';
import { createPrivateKafka, type PrivateKafka } from './helpers/private-kafka';
import { createPrivateRabbitMq, type PrivateRabbitMq } from './helpers/private-rabbitmq';

const startEngine = useEngine('restart');
let kafka: PrivateKafka | undefined;
let rabbit: PrivateRabbitMq | undefined;
afterEach(async () => {
  await kafka?.destroy();
  await rabbit?.dispose();
  kafka = undefined;
  rabbit = undefined;
});

/**
 * Every send the broker confirmed (a `produce` span) has a delivery at the consumer (a
 * `deliver` span whose parent it is); duplicates after a restart are allowed (at least once).
 */
function undelivered(dataDir: string, runId: string): { confirmed: number; missing: number } {
  const db = new Database(join(dataDir, 'flowbench.db'), { readonly: true });
  try {
    const produced = db
      .prepare("SELECT span_id FROM events WHERE run_id = ? AND kind = 'produce'")
      .pluck()
      .all(runId) as string[];
    const delivered = new Set(
      db
        .prepare("SELECT parent_span_id FROM events WHERE run_id = ? AND kind IN ('deliver', 'redeliver')")
        .pluck()
        .all(runId) as string[],
    );
    return { confirmed: produced.length, missing: produced.filter((s) => !delivered.has(s)).length };
  } finally {
    db.close();
  }
}

function flow(kind: 'kafkaTopic' | 'rabbitQueue'): ReturnType<typeof flowBuilder>['flow'] {
  const b = flowBuilder(`restart ${kind}`);
  b.node('orders', 'producer', { rate: 100, count: 800 });
  if (kind === 'kafkaTopic') b.node('ch', 'kafkaTopic', { topic: uniqueName('restart'), partitions: 1 });
  else b.node('ch', 'rabbitQueue', { queue: uniqueName('restart'), durable: true });
  b.node('worker', 'consumer', { group: uniqueName('restart') });
  b.edge('orders', 'ch');
  b.edge('ch', 'worker');
  return b.flow;
}

/** Runs a flow, restarts the broker once messages flow, and checks what was confirmed was delivered. */
async function restartMidRun(
  kind: 'kafkaTopic' | 'rabbitQueue',
  environment: Environment,
  restart: () => Promise<void>,
): Promise<string[]> {
  const { engine: e, dataDir } = await startEngine();
  const started = await e.handlers['run.start']({ flow: flow(kind), environment });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  await until(e, 'messages flowing', (x) => (x.counters.worker?.acked ?? 0) > 50);
  await restart();
  const before = (await e.handlers['run.status']({})).counters.worker.acked;
  await until(
    e,
    'consuming again after the restart',
    (x) => x.counters.worker.acked > before + 50 && x.counters.ch.status === 'running',
    90_000,
  );
  await until(e, 'the producer to finish', (x) => x.counters.orders.status !== 'running', 90_000);
  await e.handlers['run.stop']({});
  const { confirmed, missing } = undelivered(dataDir, started.runId);
  expect(confirmed).toBeGreaterThan(100);
  expect(missing).toBe(0);
  return (await e.handlers['run.log']({})).map((l) => l.level);
}

describe('a broker restarted mid-run', () => {
  it('Kafka: the run recovers and every confirmed send is delivered', async () => {
    kafka = await createPrivateKafka();
    await kafka.start();
    const broker = kafka;
    await restartMidRun(
      'kafkaTopic',
      { kind: 'local', kafkaBrokers: [broker.broker], amqpUrl: AMQP_URL },
      () => broker.restart(),
    );
  }, 240_000);

  it('RabbitMQ: the run reconnects, re-declares its queue and every confirmed publish is delivered', async () => {
    rabbit = await createPrivateRabbitMq();
    await rabbit.start();
    const broker = rabbit;
    const levels = await restartMidRun(
      'rabbitQueue',
      { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: broker.url },
      () => broker.restart(),
    );
    expect(levels).toContain('error');
  }, 240_000);
});
