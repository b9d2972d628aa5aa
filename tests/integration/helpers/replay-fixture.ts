import amqp from 'amqplib';
import { Kafka, logLevel } from 'kafkajs';
import type { Engine } from '../../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, waitFor } from './brokers';
import { flowBuilder } from './flow-builder';

export const LOCAL = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL } as const;

/** Records `count` Kafka messages (`{"seq": n, "item": "book"}`, key `k<n>`) in a run of their own, then stops it. */
export async function recordKafkaMessages(
  engine: Engine,
  count: number,
): Promise<{ runId: string; topic: string; ids: number[] }> {
  const topic = uniqueName('replay-src');
  const b = flowBuilder('replay source');
  b.node('orders-producer', 'producer', {
    count,
    rate: 200,
    key: 'k{{seq}}',
    payload: '{"seq": {{seq}}, "item": "book"}',
    headers: { origin: 'shop' },
  });
  b.node('orders', 'kafkaTopic', { topic, partitions: 1 });
  b.edge('orders-producer', 'orders');
  const started = await engine.handlers['run.start']({ flow: b.flow, environment: LOCAL });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  let ids: number[] = [];
  await waitFor(
    `${count} messages recorded`,
    () => {
      void engine.handlers['messages.list']({ runId: started.runId, limit: 1000 }).then((r) => {
        ids = r.rows.map((row) => row.id).sort((a, b) => a - b);
      });
      return ids.length === count;
    },
    30_000,
  );
  await engine.handlers['run.stop']({});
  return { runId: started.runId, topic, ids };
}

/** Reads up to `count` Kafka records of a topic from its beginning with a fresh group. */
export async function readTopic(
  topic: string,
  count: number,
): Promise<Array<{ key: string | null; value: string; headers: Record<string, string> }>> {
  const kafka = new Kafka({ brokers: KAFKA_BROKERS, clientId: 'replay-test', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: uniqueName('replay-read'), maxWaitTimeInMs: 100 });
  const out: Array<{ key: string | null; value: string; headers: Record<string, string> }> = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
        out.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers });
      },
    });
    await waitFor(`${count} records on ${topic}`, () => out.length >= count, 30_000);
  } finally {
    await consumer.disconnect();
  }
  return out;
}

export async function createTopic(topic: string): Promise<void> {
  const admin = new Kafka({
    brokers: KAFKA_BROKERS,
    clientId: 'replay-test',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
}

export async function deleteTopics(topics: string[]): Promise<void> {
  const admin = new Kafka({
    brokers: KAFKA_BROKERS,
    clientId: 'replay-test',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
}

/** A RabbitMQ channel for the test to declare, read and delete with. */
export async function rabbit(): Promise<{ ch: amqp.Channel; close(): Promise<void> }> {
  const conn = await amqp.connect(AMQP_URL);
  const ch = await conn.createChannel();
  return { ch, close: () => conn.close() };
}

/** Takes every message waiting on a queue (basic.get until empty). */
export async function drainQueue(
  ch: amqp.Channel,
  queue: string,
): Promise<Array<{ body: string; headers: Record<string, unknown>; routingKey: string }>> {
  const out: Array<{ body: string; headers: Record<string, unknown>; routingKey: string }> = [];
  for (;;) {
    const m = await ch.get(queue, { noAck: true });
    if (!m) return out;
    out.push({
      body: m.content.toString(),
      headers: m.properties.headers ?? {},
      routingKey: m.fields.routingKey,
    });
  }
}
