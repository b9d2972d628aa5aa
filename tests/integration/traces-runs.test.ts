import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunDeletion } from '@shared/api/runs-requests';
import type { Environment } from '@shared/run/environment';
import { countsAt, indexTimeline } from '@shared/trace/run-timeline';
import { traceToSequence } from '@shared/trace/trace-sequence';
import { buildWaterfall } from '@shared/trace/trace-waterfall';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, waitFor } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { flowBuilder, type TestFlow } from './helpers/flow-builder';

const BROKERS: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const startEngine = useEngine('traces-runs');

/** Kafka then RabbitMQ: producer → topic → router → queue → consumer, `count` messages. */
function kafkaThenRabbit(count: number): TestFlow {
  const b = flowBuilder('traces across brokers');
  b.node('orders', 'producer', { rate: 200, count, payload: '{"seq": {{seq}}}', key: 'k{{seq}}' });
  b.node('topic', 'kafkaTopic', { topic: uniqueName('traces-t'), partitions: 1 });
  b.node('relay', 'router', { routes: [] });
  b.node('queue', 'rabbitQueue', { queue: uniqueName('traces-q') });
  b.node('worker', 'consumer', {});
  b.edge('orders', 'topic');
  b.edge('topic', 'relay');
  b.edge('relay', 'queue', { sourceHandle: 'else' });
  b.edge('queue', 'worker');
  return b.flow;
}

async function runToEnd(e: Engine, flow: TestFlow, count: number): Promise<string> {
  const started = await e.handlers['run.start']({ flow, environment: BROKERS });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  await untilStatus(e, `${count} messages through both brokers`, (s) => s.counters.worker?.acked === count);
  await e.handlers['run.stop']({});
  return started.runId;
}

describe('traces and runs on Kafka and RabbitMQ', () => {
  it('records a trace whose waterfall nests every hop across both brokers, and reports and plays back the run', async () => {
    const { engine: e } = await startEngine();
    const flow = kafkaThenRabbit(10);
    try {
      const runId = await runToEnd(e, flow, 10);
      const rows = (await e.handlers['messages.list']({ runId, limit: 100 })).rows;
      const first = rows.find((r) => r.nodeId === 'orders' && r.key === 'k1');
      expect(first).toBeDefined();
      const trace = await e.handlers['trace.get']({ traceId: first!.traceId });
      const w = buildWaterfall(trace);
      const shape = w.rows.map((r) => `${'  '.repeat(r.depth)}${r.event.nodeId}:${r.label}:${r.outcome}`);
      expect(shape).toEqual([
        'orders:produce:ok',
        '  relay:deliver:ok',
        // The relay settles its delivery after it has passed the message on.
        '    relay:produce:ok',
        '      worker:deliver:ok',
        '        worker:ack:ok',
        '    relay:ack:ok',
      ]);
      expect(w.rows[0].event.transport).toBe('kafka');
      expect(w.rows[2].event.transport).toBe('amqp');
      expect(w.total).toBeGreaterThan(0);
      const seq = traceToSequence(trace);
      expect(seq.participants.map((p) => p.nodeId)).toEqual(['orders', 'relay', 'worker']);
      expect(seq.arrows.filter((a) => a.from !== a.to).map((a) => a.kind)).toEqual(['deliver', 'deliver']);

      const report = await e.handlers['runs.report']({ runId });
      expect(report?.errors).toBe(0);
      const worker = report?.nodes.find((n) => n.nodeId === 'worker');
      expect(worker?.p50Ms).toBeGreaterThanOrEqual(0);
      expect(worker?.p99Ms).toBeGreaterThanOrEqual(worker?.p50Ms ?? 0);
      expect(report?.series.throughput.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

      const timeline = await e.handlers['runs.timeline']({ runId, maxBuckets: 50 });
      const index = indexTimeline(timeline!);
      expect(countsAt(index, timeline!.start - 1)).toEqual({});
      const end = countsAt(index, timeline!.end);
      expect(end.orders.produce).toBe(10);
      expect(end.worker).toMatchObject({ deliver: 10, ack: 10 });
      expect(timeline!.hops.map((h) => `${h.from}>${h.to}`).sort()).toEqual(['orders>relay', 'relay>worker']);
    } finally {
      await deleteFlowBrokerObjects(flow);
    }
  });

  it('deletes runs with progress, a cancel keeps whole runs, and retention keeps the last N at run start', async () => {
    const { engine: e, pushed, dataDir } = await startEngine();
    const flow = kafkaThenRabbit(3);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await runToEnd(e, flow, 3));
      const job = await e.handlers['runs.delete']({ runIds: [ids[0], ids[1]] });
      const final = (): RunDeletion | undefined =>
        (pushed['runs.deletion'] ?? []).find((p) => p.jobId === job.jobId && p.state !== 'running');
      await waitFor('deletion done', () => final() !== undefined);
      expect(final()).toMatchObject({ state: 'done', done: 2, deleted: 2, total: 2 });
      expect((await e.handlers['runs.list']({ limit: 10 })).map((r) => r.id)).toEqual([ids[3], ids[2]]);
      expect((await e.handlers['messages.list']({ runId: ids[0], limit: 10 })).total).toBe(0);

      // Cancelled at once: nothing or whole runs went, every remaining run is complete.
      const cancelled = await e.handlers['runs.delete']({ runIds: [ids[2], ids[3]] });
      await e.handlers['runs.cancelDelete']({ jobId: cancelled.jobId });
      await waitFor('cancel settled', () =>
        (pushed['runs.deletion'] ?? []).some((p) => p.jobId === cancelled.jobId && p.state !== 'running'),
      );
      for (const run of await e.handlers['runs.list']({ limit: 10 })) {
        const page = await e.handlers['messages.list']({ runId: run.id, limit: 100 });
        expect(page.rows.length).toBe(run.messageCount);
      }

      const set = await e.handlers['runs.retention.set']({ policy: { keepRuns: 2 } });
      expect(set.policy).toEqual({ keepRuns: 2 });
      expect(await e.handlers['runs.retention.get']({})).toEqual({ keepRuns: 2 });
      for (let i = 0; i < 3; i++) await runToEnd(e, flow, 3);
      // Applied at each start: the new run plus one before it.
      const left = await e.handlers['runs.list']({ limit: 10 });
      expect(left).toHaveLength(2);
      expect(statSync(join(dataDir, 'flowbench.db')).size).toBeGreaterThan(0);
    } finally {
      await deleteFlowBrokerObjects(flow);
    }
  });
});
