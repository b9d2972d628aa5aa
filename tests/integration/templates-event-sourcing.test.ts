import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { AMQP_URL, KAFKA_BROKERS, unusedPort } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { createKafkaFixture, type KafkaFixture } from './helpers/kafka-fixture';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

interface TemplateNode {
  id: string;
  kind: string;
  config: Record<string, unknown>;
}

const startEngine = useEngine('es-templates');
let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => {
  await kafka.cleanup();
});

/**
 * Timers tick this many times faster than shipped: the templates pace themselves for a
 * person watching (an order shipped every 1.8 s); their order of events stays the same.
 */
const SPEED_UP = 3;

/**
 * A template as shipped, with its topics renamed and ports moved so test runs never meet,
 * and its timers sped up.
 */
async function template(
  id: string,
): Promise<{ flow: { nodes: TemplateNode[] }; ports: Record<string, number> }> {
  const flow = JSON.parse(
    readFileSync(join(__dirname, '../../resources/templates', `${id}.flow.json`), 'utf8'),
  ) as {
    nodes: TemplateNode[];
  };
  const ports: Record<string, number> = {};
  for (const node of flow.nodes) {
    if (node.kind === 'kafkaTopic') node.config.topic = kafka.topicName(String(node.config.topic));
    if (node.kind === 'eventStore') node.config.topic = kafka.topicName(String(node.config.topic));
    if (node.kind === 'restService') node.config.port = ports[node.id] = await unusedPort();
    if (node.kind === 'timer') node.config.intervalMs = Math.round(Number(node.config.intervalMs) / SPEED_UP);
  }
  return { flow, ports };
}

describe.each(ENVIRONMENTS)('the event sourcing templates on %s', (_label, environment) => {
  it('event-sourcing: every order ends shipped, its v1 creation read as v2, with no errors', async () => {
    const e = (await startEngine()).engine;
    const { flow } = await template('event-sourcing');
    const started = await e.handlers['run.start']({ flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await untilStatus(
      e,
      '15 events appended and passed on',
      (x) => x.counters.notifications?.acked === 15,
    );
    await e.handlers['run.stop']({});
    for (const c of Object.values(s.counters)) expect(c.errors).toBe(0);
    for (let n = 1; n <= 5; n++) {
      const order = await e.handlers['eventStore.state']({ nodeId: 'orders-store', streamId: `order-${n}` });
      expect(order.version).toBe(3);
      expect(order.snapshotVersion).toBe(2);
      expect(order.state).toMatchObject({ status: 'shipped', currency: 'EUR', tracking: `TR-${n}` });
      expect(order.state?.total).toBeTypeOf('number');
      expect(order.events[0].schemaVersion).toBe(1);
    }
  });

  it('cqrs: commands from HTTP and Kafka end in the read model, which answers queries once lag is 0', async () => {
    const e = (await startEngine()).engine;
    const { flow, ports } = await template('cqrs');
    const started = await e.handlers['run.start']({ flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await untilStatus(
      e,
      'all commands written and folded',
      (x) =>
        x.counters['write-model']?.acked === 108 &&
        x.counters['orders-view']?.acked === 108 &&
        x.counters['orders-view']?.lag === 0,
    );
    for (const c of Object.values(s.counters)) expect(c.errors).toBe(0);
    const res = await fetch(`http://127.0.0.1:${ports['order-queries']}/orders/3`);
    expect(res.status).toBe(200);
    const write = await e.handlers['eventStore.state']({ nodeId: 'write-model', streamId: 'order-3' });
    expect(write.state?.status).toBe('paid');
    expect(await res.json()).toEqual({ id: 'order-3', ...write.state });
    await e.handlers['run.stop']({});
  });
});

describe('the event-sourcing template on Kafka, run twice', () => {
  it('reads its log back and runs again without errors, each order one lifecycle further', async () => {
    const e = (await startEngine()).engine;
    const { flow } = await template('event-sourcing');
    const environment = ENVIRONMENTS[1][1];
    for (const run of [1, 2]) {
      const started = await e.handlers['run.start']({ flow, environment });
      if (!started.ok) throw new Error(JSON.stringify(started.problems));
      const s = await untilStatus(
        e,
        `run ${run}: 15 events passed on`,
        (x) => x.counters.notifications?.acked === 15,
      );
      await e.handlers['run.stop']({});
      for (const c of Object.values(s.counters)) expect(c.errors).toBe(0);
      const order = await e.handlers['eventStore.state']({ nodeId: 'orders-store', streamId: 'order-4' });
      expect(order.version).toBe(3 * run);
      expect(order.state?.status).toBe('shipped');
    }
  });
});
