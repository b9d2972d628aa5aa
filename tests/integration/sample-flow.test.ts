import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EventPayloads, RunSnapshot } from '@shared/api/contract';
import type { Environment } from '@shared/run/environment';
import { useEngine } from './helpers/engine';

const N = 60;
const LOCAL: Environment = {
  kind: 'local',
  kafkaBrokers: ['127.0.0.1:9092'],
  amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
};

interface SampleDoc {
  nodes: Array<{ id: string; config: Record<string, unknown> }>;
}

/** The sample flow with N messages per path and names unique to this test run. */
function sampleFlow(suffix: string): SampleDoc {
  const doc = JSON.parse(
    readFileSync(join(__dirname, '../../resources/sample.flow.json'), 'utf8'),
  ) as SampleDoc;
  for (const n of doc.nodes) {
    if (n.id.endsWith('producer') || n.id === 'greeter-client')
      Object.assign(n.config, { count: N, rate: 400 });
    if (n.id === 'orders-topic') n.config.topic = `orders-${suffix}`;
    if (n.id === 'tasks-queue') n.config.queue = `tasks-${suffix}`;
    if (n.id === 'billing-consumer') n.config.group = `billing-${suffix}`;
  }
  return doc;
}

const startEngine = useEngine('it');

async function runUntilDelivered(
  env: Environment,
): Promise<{ runId: string; dbFile: string; events: Array<EventPayloads['run.state']> }> {
  const { engine, dataDir, pushed } = await startEngine();
  const started = await engine.handlers['run.start']({
    flow: sampleFlow(`${Date.now()}-${Math.floor(Math.random() * 1e6)}`),
    environment: env,
  });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  const deadline = Date.now() + 60_000;
  let snap: RunSnapshot;
  for (;;) {
    snap = await engine.handlers['run.status']({});
    const c = snap.counters;
    const errors = Object.entries(c).filter(([, v]) => v.status === 'error');
    if (errors.length) throw new Error(`nodes failed: ${JSON.stringify(errors)}`);
    if (
      c['billing-consumer']?.acked === N &&
      c['worker-consumer']?.acked === N &&
      c['greeter-client']?.received === N
    )
      break;
    if (Date.now() > deadline) throw new Error(`not delivered in time: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await engine.handlers['run.stop']({});
  return { runId: started.runId, dbFile: join(dataDir, 'flowbench.db'), events: pushed['run.state'] ?? [] };
}

function assertRecorded(runId: string, dbFile: string): Record<string, Record<string, number>> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const byNode = Object.fromEntries(
      (
        db
          .prepare('SELECT node_id, kind, count(*) AS n FROM events WHERE run_id = ? GROUP BY node_id, kind')
          .all(runId) as Array<{ node_id: string; kind: string; n: number }>
      ).reduce(
        (acc, r) => acc.set(r.node_id, { ...(acc.get(r.node_id) ?? {}), [r.kind]: r.n }),
        new Map<string, Record<string, number>>(),
      ),
    );
    // Each deliver joins its produce event's trace, as the child of the produce span.
    const joined = db
      .prepare(
        `SELECT count(*) AS n FROM events d JOIN events p ON p.trace_id = d.trace_id AND p.span_id = d.parent_span_id
         WHERE d.run_id = ? AND d.kind = 'deliver' AND p.kind = 'produce'`,
      )
      .get(runId) as { n: number };
    expect(joined.n).toBe(2 * N);
    const rpc = db
      .prepare(
        `SELECT count(*) AS n FROM events r JOIN events c ON c.trace_id = r.trace_id AND c.span_id = r.parent_span_id
         WHERE r.run_id = ? AND r.kind = 'respond' AND c.kind = 'call'`,
      )
      .get(runId) as { n: number };
    expect(rpc.n).toBe(N);
    // Payloads are stored once per message: produce and deliver refer to the same row.
    const stored = db
      .prepare(
        `SELECT count(DISTINCT message_id) AS n FROM events WHERE run_id = ? AND kind IN ('produce','deliver')`,
      )
      .get(runId) as { n: number };
    expect(stored.n).toBe(2 * N);
    return byNode;
  } finally {
    db.close();
  }
}

const expected = {
  'orders-producer': { produce: N },
  'billing-consumer': { deliver: N, ack: N },
  'tasks-producer': { produce: N },
  'worker-consumer': { deliver: N, ack: N },
  'greeter-client': { call: N },
  'greeter-service': { respond: N },
};

describe('the sample flow', () => {
  it('runs N messages per path on Local brokers (real Kafka, RabbitMQ, grpc-js) and records every hop', async () => {
    const { runId, dbFile, events } = await runUntilDelivered(LOCAL);
    expect(events.map((e) => e.state)).toEqual(['starting', 'running', 'stopping', 'stopped']);
    expect(assertRecorded(runId, dbFile)).toEqual(expected);
  });

  it('gives the same counts on Embedded', async () => {
    const { runId, dbFile } = await runUntilDelivered({ kind: 'embedded' });
    expect(assertRecorded(runId, dbFile)).toEqual(expected);
  });
});
