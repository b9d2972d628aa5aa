import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { Kafka, logLevel } from 'kafkajs';
import type { ReplayRecord } from '@shared/api/replay-requests';
import { createEngine } from '../../src-main/engine/engine';
import type { Engine } from '../../src-main/engine/engine-types';
import { openStore } from '../../src-main/store/open-store';
import { AMQP_URL, KAFKA, PAYLOAD, startClock, unique, type Measured } from './settings';

/** Messages replayed per round (issue 6 asks for 100,000). */
export const REPLAY_N = Number(process.env.BENCH_REPLAY_MESSAGES ?? 100_000);
/** Messages per produce request / confirmed publish batch of the bare scripts. */
const BARE_BATCH = 500;
const SOURCE_RUN = 'bench-replay-source';
const LOCAL = { kind: 'local', kafkaBrokers: KAFKA, amqpUrl: AMQP_URL } as const;

const keyOf = (i: number): string => `k${i % 64}`;

/** A workspace whose store holds REPLAY_N recorded Kafka messages, and an engine on it. */
export async function seededEngine(): Promise<{ engine: Engine; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowbench-bench-replay-'));
  const store = openStore(join(dataDir, 'flowbench.db'));
  const at = Date.now();
  store.createRun({ id: SOURCE_RUN, flowName: 'bench', flowJson: '{}', environment: 'local', startedAt: at });
  for (let start = 0; start < REPLAY_N; start += 10_000) {
    const batch = [];
    for (let i = start; i < Math.min(REPLAY_N, start + 10_000); i++)
      batch.push({
        id: i + 1,
        runId: SOURCE_RUN,
        traceId: i.toString(16).padStart(32, '0'),
        spanId: i.toString(16).padStart(16, '0'),
        nodeId: 'p',
        transport: 'kafka' as const,
        destination: 'orders',
        ts: at + i,
        key: keyOf(i),
        headers: { origin: 'bench' },
        payload: PAYLOAD,
      });
    store.insertBatch(batch, []);
  }
  store.finishRun(SOURCE_RUN, 'stopped', Date.now());
  store.close();
  const engine = await createEngine({ dataDir, emit: () => undefined });
  return {
    engine,
    close: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A replay's rate until the broker took the last message (`sent`), and until all of it was recorded. */
export interface ReplayMeasured {
  sent: Measured;
  recorded: Measured;
}

/** Replays the whole source run to `target` as fast as possible. */
export async function replayRate(
  engine: Engine,
  target: { kind: 'kafka'; topic: string } | { kind: 'queue'; queue: string },
): Promise<ReplayMeasured> {
  const stop = startClock();
  const started = await engine.handlers['replay.start']({
    plan: {
      source: { kind: 'run', runId: SOURCE_RUN },
      target,
      pacing: { mode: 'fast' },
      environment: LOCAL,
    },
  });
  let rec: ReplayRecord | null = started;
  let sent: Measured | undefined;
  while (rec && rec.state === 'running') {
    await new Promise((r) => setTimeout(r, 2));
    rec = await engine.handlers['replay.get']({ replayId: started.id });
    if (!sent && rec && rec.sent + rec.failed >= REPLAY_N) sent = stop(REPLAY_N);
  }
  if (!rec || rec.state !== 'done' || rec.sent !== REPLAY_N)
    throw new Error(`replay did not send all: ${JSON.stringify(rec)}`);
  const recorded = stop(REPLAY_N);
  return { sent: sent ?? recorded, recorded };
}

/** The bare kafkajs script: the same records, batches of 500 in one produce request each, acks all. */
export async function bareKafkaSend(topic: string): Promise<Measured> {
  const kafka = new Kafka({ brokers: KAFKA, clientId: 'bench-bare', logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const stop = startClock();
  for (let sent = 0; sent < REPLAY_N; sent += BARE_BATCH) {
    const messages = [];
    for (let i = sent; i < Math.min(REPLAY_N, sent + BARE_BATCH); i++)
      messages.push({ key: keyOf(i), value: PAYLOAD, headers: { origin: 'bench' } });
    await producer.send({ topic, acks: -1, messages });
  }
  const measured = stop(REPLAY_N);
  await producer.disconnect();
  return measured;
}

/** The bare amqplib script: a confirm channel, 500 publishes then waitForConfirms. */
export async function bareAmqpSend(queue: string): Promise<Measured> {
  const conn = await amqp.connect(AMQP_URL);
  const ch = await conn.createConfirmChannel();
  const stop = startClock();
  for (let sent = 0; sent < REPLAY_N; sent += BARE_BATCH) {
    for (let i = sent; i < Math.min(REPLAY_N, sent + BARE_BATCH); i++)
      ch.sendToQueue(queue, PAYLOAD, { headers: { origin: 'bench' }, persistent: true, mandatory: true });
    await ch.waitForConfirms();
  }
  const measured = stop(REPLAY_N);
  await conn.close();
  return measured;
}

/** A fresh topic and queue for one bench run, with a way to empty and delete them. */
export async function benchDestinations(): Promise<{
  topic: string;
  queue: string;
  purge(): Promise<void>;
  remove(): Promise<void>;
}> {
  const topic = unique('bench-replay');
  const queue = unique('bench-replay');
  const admin = new Kafka({ brokers: KAFKA, clientId: 'bench-admin', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const conn = await amqp.connect(AMQP_URL);
  const ch = await conn.createChannel();
  await ch.assertQueue(queue, { durable: false });
  return {
    topic,
    queue,
    purge: async () => void (await ch.purgeQueue(queue)),
    remove: async () => {
      await ch.deleteQueue(queue).catch(() => undefined);
      await conn.close();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
