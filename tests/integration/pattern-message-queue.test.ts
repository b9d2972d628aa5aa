import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { getTemplate } from '../../src-main/engine/templates/template-library';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, waitFor } from './helpers/brokers';
import { useEngine } from './helpers/engine';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { runEvents, type EventRow } from './helpers/run-events';
import { withUniqueBrokerNames } from './helpers/unique-broker-names';

/** Jobs sent; with 20% failures and 3 attempts about 0.8% of them (12) end dead-lettered. */
const JOBS = 1500;
const RETRIES = 2;
const ATTEMPTS = RETRIES + 1;
const BACKOFF_MS = 10;
const ACCOUNT_UPDATES = 120;

interface Flow {
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  edges: Array<{ source: string; target: string }>;
}

/** The message-queue template, sped up, with names unique to this test. */
function testFlow(): Flow {
  const flow = withUniqueBrokerNames(JSON.parse(getTemplate('message-queue').text) as Flow, uniqueName('mq'));
  const config = (id: string): Record<string, unknown> => {
    const node = flow.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`the template has no node ${id}`);
    return node.config;
  };
  Object.assign(config('job-producer'), { count: JOBS, rate: 2000 });
  Object.assign(config('jobs-queue'), { maxDeliveries: RETRIES });
  Object.assign(config('workers'), { processingMs: 0, retryBackoffMs: BACKOFF_MS });
  Object.assign(config('account-producer'), { count: ACCOUNT_UPDATES, rate: 400 });
  Object.assign(config('ledger'), { processingMs: 1 });
  // The template's 20% failing consumer is what this test is about: check it is still there.
  expect(config('workers').faults).toMatchObject([{ kind: 'error', probability: 0.2 }]);
  return flow;
}

/** Per job (trace): its worker deliveries, nacks (with how long each was held) and acks. */
function jobsOf(events: EventRow[]): Map<string, { deliveries: number; nacks: number[]; acks: number }> {
  const jobs = new Map<string, { deliveries: number; nacks: number[]; acks: number }>();
  for (const e of events) {
    if (e.kind === 'produce' && e.node_id === 'job-producer')
      jobs.set(e.trace_id, { deliveries: 0, nacks: [], acks: 0 });
  }
  for (const e of events) {
    const job = e.node_id === 'workers' ? jobs.get(e.trace_id) : undefined;
    if (!job) continue;
    if (e.kind === 'deliver' || e.kind === 'redeliver') job.deliveries += 1;
    if (e.kind === 'nack') job.nacks.push(e.duration_ms ?? 0);
    if (e.kind === 'ack') job.acks += 1;
  }
  return jobs;
}

let made: Flow | undefined;
afterEach(async () => {
  if (made) await deleteFlowBrokerObjects(made);
  made = undefined;
});
const startEngine = useEngine('mq');

describe.each<[string, Environment]>([
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
])('message queue on %s', (_name, environment) => {
  it('with 20% of deliveries failing, every job is processed exactly once or dead-lettered after its attempts, none lost; a redrive finishes the rest; order per key holds', async () => {
    const { engine, dataDir } = await startEngine();
    const flow = testFlow();
    if (environment.kind === 'local') made = flow;
    const started = await engine.handlers['run.start']({ flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));

    const settled = (jobs: ReturnType<typeof jobsOf>): boolean =>
      jobs.size === JOBS && [...jobs.values()].every((j) => j.acks > 0 || j.nacks.length >= ATTEMPTS);
    let jobs = jobsOf([]);
    await waitFor(
      `all ${JOBS} jobs acked or dead-lettered`,
      () => settled((jobs = jobsOf(runEvents(dataDir, started.runId)))),
      90_000,
    );

    const all = [...jobs.values()];
    const dead = all.filter((j) => j.acks === 0);
    const done = all.filter((j) => j.acks > 0);
    // Exactly once: no job acked twice; a job is acked or dead-lettered, never both, never neither.
    expect(all.filter((j) => j.acks > 1)).toEqual([]);
    expect(done.length + dead.length).toBe(JOBS);
    // Dead-lettered exactly after its attempts; processed ones needed fewer failures than that.
    expect(dead.map((j) => j.nacks.length)).toEqual(dead.map(() => ATTEMPTS));
    expect(done.every((j) => j.nacks.length < ATTEMPTS)).toBe(true);
    expect(dead.length).toBeGreaterThan(0);
    // About a fifth of the first deliveries failed (binomial: 20% ± 5 points over 1500).
    const failedFirst = all.filter((j) => j.nacks.length > 0).length / JOBS;
    expect(failedFirst).toBeGreaterThan(0.15);
    expect(failedFirst).toBeLessThan(0.25);
    // Retry with backoff: the k-th failure of a job was held at least base × 2^(k-1).
    for (const j of all)
      j.nacks.forEach((held, k) => expect(held).toBeGreaterThanOrEqual(BACKOFF_MS * 2 ** k - 2));

    // Redrive: with the failures switched off, the dead letters go back and are processed once.
    await engine.handlers['run.setFaults']({ targetId: 'workers', faults: [] });
    await new Promise((r) => setTimeout(r, 500));
    const redriven = await engine.handlers['run.redrive']({ nodeId: 'dead-letters' });
    const jobsQueue = flow.nodes.find((n) => n.id === 'jobs-queue')?.config.name;
    expect(redriven).toEqual({ moved: dead.length, to: jobsQueue });
    await waitFor(
      'every job acked after the redrive',
      () => [...(jobs = jobsOf(runEvents(dataDir, started.runId))).values()].every((j) => j.acks > 0),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    jobs = jobsOf(runEvents(dataDir, started.runId));
    expect([...jobs.values()].filter((j) => j.acks !== 1)).toEqual([]);

    // Order per key on the Kafka lane: each account's updates are handled in the order sent.
    await waitFor(
      `${ACCOUNT_UPDATES} account updates handled`,
      () =>
        runEvents(dataDir, started.runId).filter((e) => e.node_id === 'ledger' && e.kind === 'ack').length >=
        ACCOUNT_UPDATES,
      60_000,
    );
    await engine.handlers['run.stop']({});
    const events = runEvents(dataDir, started.runId);
    const orderOf = (node: string, kind: string): Map<string, string[]> => {
      const byKey = new Map<string, string[]>();
      for (const e of events.filter((x) => x.node_id === node && x.kind === kind))
        byKey.set(e.key ?? '', [...(byKey.get(e.key ?? '') ?? []), e.trace_id]);
      return byKey;
    };
    const sent = orderOf('account-producer', 'produce');
    const handled = orderOf('ledger', 'deliver');
    expect(sent.size).toBeGreaterThan(1);
    for (const [key, traces] of sent) expect(handled.get(key), `order of ${key}`).toEqual(traces);
  });
});
