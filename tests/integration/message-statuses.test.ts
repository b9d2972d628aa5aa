import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import type { MessagePageRow, MessageStatus } from '@shared/trace/message-filter';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus as until, useEngine } from './helpers/engine';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { flowBuilder, type TestFlow } from './helpers/flow-builder';

const LOCAL: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const startEngine = useEngine('msgstatus');
let created: TestFlow | undefined;
afterEach(async () => {
  if (created) await deleteFlowBrokerObjects(created);
  created = undefined;
});

/**
 * On the real RabbitMQ: orders go through a direct exchange to a work queue whose
 * dead-letter exchange (a real DLX, fanout) feeds a morgue queue. The worker fails the
 * first three with an injected fault whose action dead-letters them; a stray producer
 * publishes with a routing key no queue is bound to. The browser's statuses must say so.
 */
describe('message browser statuses on the local RabbitMQ', () => {
  it('marks dead-lettered (via a DLX), nacked, injected fault, unroutable and acked, and filters by them', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('statuses');
    b.node('orders', 'producer', { rate: 200, count: 10 });
    b.node('stray', 'producer', { rate: 200, count: 4 });
    b.node('x', 'rabbitExchange', { exchange: uniqueName('mb-x'), type: 'direct', durable: false });
    const dlx = uniqueName('mb-dlx');
    b.node('work', 'rabbitQueue', { queue: uniqueName('mb-work'), deadLetter: dlx });
    b.node('dlx', 'rabbitExchange', { exchange: dlx, type: 'fanout', durable: false });
    b.node('morgue', 'rabbitQueue', { queue: uniqueName('mb-morgue') });
    b.node('worker', 'consumer', {
      faults: [{ kind: 'failFirst', count: 3, error: { amqp: { action: 'dead-letter' } } }],
    });
    b.node('undertaker', 'consumer', {});
    b.edge('orders', 'x');
    b.edge('stray', 'x');
    b.edge('x', 'work');
    b.edge('dlx', 'morgue');
    b.edge('work', 'worker');
    b.edge('morgue', 'undertaker');
    const edge = (source: string, config: Record<string, unknown>): void => {
      const i = b.flow.edges.findIndex((ed) => ed.source === source && ed.target === 'x');
      if (i < 0) {
        const j = b.flow.edges.findIndex((ed) => ed.source === source);
        b.flow.edges[j] = { ...b.flow.edges[j], config } as never;
      } else b.flow.edges[i] = { ...b.flow.edges[i], config } as never;
    };
    edge('orders', { routingKey: 'work' });
    edge('stray', { routingKey: 'nobody-listens' });
    edge('x', { routingKey: 'work' });
    created = b.flow;

    const started = await e.handlers['run.start']({ flow: b.flow, environment: LOCAL });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(
      e,
      '7 acked by the worker and 3 by the undertaker',
      (x) => (x.counters.worker?.acked ?? 0) === 7 && (x.counters.undertaker?.acked ?? 0) === 3,
    );
    // The stray producer's publishes are recorded as they are refused.
    for (let i = 0; ; i++) {
      const p = await e.handlers['messages.query']({
        filter: { runId: started.runId, nodeIds: ['stray'] },
        limit: 10,
      });
      if (p.rows.length === 4) break;
      if (i > 100) throw new Error(`stray publishes recorded: ${p.rows.length} of 4`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await e.handlers['run.stop']({});

    const all = await e.handlers['messages.query']({ filter: { runId: started.runId }, limit: 100 });
    const byNode = (id: string): MessagePageRow[] => all.rows.filter((r) => r.nodeId === id);
    const has = (rows: MessagePageRow[], st: MessageStatus): number =>
      rows.filter((r) => r.statuses.includes(st)).length;
    const orders = byNode('orders');
    expect(orders).toHaveLength(10);
    expect(has(orders, 'dead-lettered')).toBe(3);
    expect(has(orders, 'nacked')).toBe(3);
    expect(has(orders, 'injected-fault')).toBe(3);
    expect(has(orders, 'acked')).toBe(10);
    expect(has(orders, 'unroutable')).toBe(0);
    // The same three carry all three marks.
    const dead = orders.filter((r) => r.statuses.includes('dead-lettered')).map((r) => r.id);
    expect(orders.filter((r) => r.statuses.includes('injected-fault')).map((r) => r.id)).toEqual(dead);
    const stray = byNode('stray');
    expect(stray).toHaveLength(4);
    expect(stray.every((r) => r.statuses.includes('unroutable') && !r.statuses.includes('acked'))).toBe(true);

    // The status filter finds exactly those (filter and row statuses agree).
    const filtered = async (st: MessageStatus): Promise<number[]> =>
      (
        await e.handlers['messages.query']({ filter: { runId: started.runId, statuses: [st] }, limit: 100 })
      ).rows
        .filter((r) => r.nodeId === 'orders' || r.nodeId === 'stray')
        .map((r) => r.id);
    expect(await filtered('dead-lettered')).toEqual(dead);
    expect(await filtered('unroutable')).toEqual(stray.map((r) => r.id));
    expect((await filtered('nacked')).sort()).toEqual([...dead].sort());
  });
});
