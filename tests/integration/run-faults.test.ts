import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus as until, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];
const startEngine = useEngine('faults');

describe.each(ENVIRONMENTS)('faults on demand on %s', (_label, environment) => {
  it('duplicates on an edge and fails the first N at a consumer, every injected hop marked in the trace', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('faulty');
    b.node('orders', 'producer', { rate: 500, count: 10 });
    b.node('q', 'rabbitQueue', { queue: uniqueName('faulty') });
    b.node('worker', 'consumer', {
      faults: [{ kind: 'failFirst', count: 3, error: { amqp: { action: 'dead-letter' } } }],
    });
    b.edge('orders', 'q');
    b.edge('q', 'worker');
    b.flow.edges[0] = {
      ...b.flow.edges[0],
      config: { faults: [{ kind: 'duplicate', probability: 1, copies: 1 }] },
    } as never;
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(
      e,
      '20 deliveries (10 sent twice), 3 failed',
      (x) => (x.counters.worker?.acked ?? 0) + (x.counters.worker?.nacked ?? 0) === 20,
    );
    expect(s.counters.worker.nacked).toBe(3);
    expect(s.counters.worker.acked).toBe(17);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 100 })).rows;
    const traces = await Promise.all(rows.map((r) => e.handlers['messages.get']({ id: r.id })));
    const events = traces.flatMap((t) => t?.trace ?? []);
    const produced = events.filter((ev) => ev.kind === 'produce');
    expect(produced).toHaveLength(20);
    expect(produced.filter((ev) => ev.fault?.injected && ev.fault.kinds.includes('duplicate'))).toHaveLength(
      10,
    );
    const nacks = events.filter((ev) => ev.kind === 'nack');
    expect(nacks).toHaveLength(3);
    for (const n of nacks) {
      expect(n.fault?.kinds).toContain('failFirst');
      expect(n.error).toMatch(/^injected: /);
    }
  });

  it('marks a message the queue hands out again after an injected nack with requeue as a redelivery', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('requeue');
    b.node('orders', 'producer', { rate: 500, count: 5 });
    b.node('q', 'rabbitQueue', { queue: uniqueName('requeue') });
    b.node('worker', 'consumer', {
      faults: [{ kind: 'failFirst', count: 2, error: { amqp: { action: 'nack-requeue' } } }],
    });
    b.edge('orders', 'q');
    b.edge('q', 'worker');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(e, 'all five acked after two requeues', (x) => x.counters.worker?.acked === 5);
    expect(s.counters.worker.nacked).toBe(2);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 50 })).rows;
    const traces = await Promise.all(rows.map((r) => e.handlers['messages.get']({ id: r.id })));
    const kinds = traces.flatMap((t) => (t?.trace ?? []).map((ev) => ev.kind));
    expect(kinds.filter((k) => k === 'redeliver')).toHaveLength(2);
  });

  it('switches a drop fault on and off while the run goes', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('toggle');
    b.node('orders', 'producer', { rate: 100, count: 1_000_000 });
    b.node('t', 'kafkaTopic', { topic: uniqueName('toggle'), partitions: 1 });
    b.node('reader', 'sink', {});
    b.edge('orders', 't');
    b.edge('t', 'reader');
    const started = await e.handlers['run.start']({ flow: b.flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(e, 'flowing', (x) => (x.counters.reader?.acked ?? 0) > 10);
    const edgeId = b.flow.edges[0].id;
    await e.handlers['run.setFaults']({
      targetId: edgeId,
      faults: [{ kind: 'drop', enabled: true, probability: 1 }],
    });
    const dropping = await until(e, 'the sender to keep sending', (x) => x.counters.orders.sent > 0);
    const readBefore = dropping.counters.reader.acked;
    await new Promise((r) => setTimeout(r, 500));
    const during = await e.handlers['run.status']({});
    // Everything sent while the drop is on is lost on the edge: the reader gets (almost) nothing more.
    expect(during.counters.reader.acked - readBefore).toBeLessThan(5);
    await e.handlers['run.setFaults']({ targetId: edgeId, faults: [] });
    await until(e, 'delivery to resume', (x) => x.counters.reader.acked > during.counters.reader.acked + 10);
    await e.handlers['run.stop']({});
    const log = await e.handlers['run.log']({});
    expect(log.map((l) => l.message)).toEqual(
      expect.arrayContaining([`faults on ${edgeId}: drop`, `faults off on ${edgeId}`]),
    );
  });
});
