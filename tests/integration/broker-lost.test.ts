import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSnapshot } from '@shared/api/contract';
import { createEngine } from '../../src-main/engine/engine';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, startTcpRelay, uniqueName, waitFor, type TcpRelay } from './helpers/brokers';

let engine: Engine | undefined;
let relay: TcpRelay | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await engine?.close();
  await relay?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  engine = undefined;
  relay = undefined;
});

function queueFlow(queue: string): unknown {
  return {
    version: 1,
    name: 'lost broker',
    nodes: [
      { id: 'p', kind: 'producer', config: { name: 'jobs', rate: 200, count: 100_000 } },
      { id: 'q', kind: 'rabbitQueue', config: { queue } },
      { id: 'c', kind: 'consumer', config: { name: 'workers' } },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 'q' },
      { id: 'e2', source: 'q', target: 'c' },
    ],
  };
}

describe('a broker lost mid-run', () => {
  it('turns its nodes red with the broker message, keeps what was recorded, and the app keeps running', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flowbench-lost-'));
    engine = await createEngine({ dataDir, emit: () => undefined });
    const e = engine;
    const upstream = new URL(AMQP_URL);
    relay = await startTcpRelay(upstream.hostname, Number(upstream.port || 5672));
    const viaRelay = `amqp://${upstream.username}:${upstream.password}@127.0.0.1:${relay.port}`;
    const started = await e.handlers['run.start']({
      flow: queueFlow(uniqueName('lost')),
      environment: { kind: 'local', kafkaBrokers: ['127.0.0.1:9092'], amqpUrl: viaRelay },
    });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    let snap: RunSnapshot = await e.handlers['run.status']({});
    const poll = (): void => void e.handlers['run.status']({}).then((s) => (snap = s));
    await waitFor('messages to flow', () => {
      poll();
      return (snap.counters.c?.acked ?? 0) >= 30;
    });

    relay.cutAll();
    await waitFor('the queue path to turn red', () => {
      poll();
      return snap.counters.q?.status === 'error' && snap.counters.c?.status === 'error';
    });
    const q = snap.counters.q;
    expect(q.error).toMatch(/Lost amqp:\/\/.*127\.0\.0\.1/);
    expect(q.error).not.toContain(upstream.password);
    expect(q.hint).toBeTruthy();
    const ackedBeforeCut = snap.counters.c.acked;

    await e.handlers['run.stop']({});
    const page = await e.handlers['messages.list']({ runId: started.runId, limit: 1000 });
    expect(page.total).toBeGreaterThanOrEqual(ackedBeforeCut);
    // The oldest message, sent before the cut, keeps its whole recorded trace.
    const first = await e.handlers['messages.get']({ id: page.rows[page.rows.length - 1].id });
    expect(first?.trace.map((t) => t.kind)).toEqual(['produce', 'deliver', 'ack']);

    // The engine is still usable: the next run starts and completes.
    const again = await e.handlers['run.start']({
      flow: {
        ...(queueFlow('after') as object),
        nodes: (queueFlow('after') as { nodes: Array<{ config: object }> }).nodes.map((n, i) =>
          i === 0 ? { ...n, config: { ...n.config, count: 10, rate: 100 } } : n,
        ),
      },
      environment: { kind: 'embedded' },
    });
    expect(again.ok).toBe(true);
    await waitFor('the embedded run to deliver', () => {
      poll();
      return snap.runId !== started.runId && snap.counters.c?.acked === 10;
    });
    await e.handlers['run.stop']({});
  });
});
