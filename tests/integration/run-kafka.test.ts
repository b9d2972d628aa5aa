import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const LOCAL: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const startEngine = useEngine('kafka-run');

const until = untilStatus;

describe('Kafka nodes in a run', () => {
  it('creates the topic with its settings and sends with the producer options (gzip, explicit partition)', async () => {
    const { engine: e } = await startEngine();
    const topic = uniqueName('opts');
    const b = flowBuilder('options');
    b.node('p', 'producer', {
      rate: 500,
      count: 30,
      compression: 'gzip',
      partitioner: 'explicit',
      partition: 2,
      acks: 'all',
    });
    b.node('t', 'kafkaTopic', { topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' });
    b.node('c', 'consumer', { group: uniqueName('opts'), batch: true, batchSize: 10, commit: 'manual' });
    b.edge('p', 't');
    b.edge('t', 'c');
    const started = await e.handlers['run.start']({ flow: b.flow, environment: LOCAL });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(e, 'thirty consumed', (x) => x.counters.c?.acked === 30);
    expect(s.counters.p.errors).toBe(0);
    await until(e, 'lag to reach zero', (x) => x.counters.c?.lag === 0, 15_000);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 100 })).rows;
    const details = await Promise.all(rows.slice(0, 10).map((r) => e.handlers['messages.get']({ id: r.id })));
    const partitions = details.flatMap((d) => (d?.trace ?? []).map((ev) => ev.partition));
    expect(new Set(partitions)).toEqual(new Set([2]));
    const admin = new Kafka({ brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(meta.partitions).toHaveLength(3);
      const configs = await admin.describeConfigs({
        resources: [{ type: 2, name: topic, configNames: ['retention.ms'] }],
        includeSynonyms: false,
      });
      expect(configs.resources[0].configEntries[0].configValue).toBe('3600000');
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  });

  it('shows a consumer whose topic vanished as "stopped: reason", and its restart action brings it back', async () => {
    const { engine: e } = await startEngine();
    const topic = uniqueName('vanish');
    const b = flowBuilder('vanishing');
    b.node('p', 'producer', { rate: 20, count: 1_000_000 });
    b.node('t', 'kafkaTopic', { topic, partitions: 1 });
    b.node('c', 'consumer', { group: uniqueName('vanish') });
    b.edge('p', 't');
    b.edge('t', 'c');
    const started = await e.handlers['run.start']({ flow: b.flow, environment: LOCAL });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(e, 'messages flowing', (x) => (x.counters.c?.acked ?? 0) > 5);
    const admin = new Kafka({ brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [topic] });
      const stopped = await until(e, 'the consumer to stop', (x) => x.counters.c?.status === 'error');
      expect(stopped.counters.c.error).toMatch(/^stopped: .*/);
      expect(stopped.counters.c.error).toContain(topic);
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
      const before = stopped.counters.c.acked;
      expect((await e.handlers['run.restartNode']({ nodeId: 'c' })).restarted).toBe(1);
      const back = await until(
        e,
        'consuming again',
        (x) => x.counters.c.acked > before + 5 && x.counters.c.status === 'running',
      );
      expect(back.counters.c.error).toBeUndefined();
      const log = await e.handlers['run.log']({});
      expect(
        log.some((l) => l.nodeId === 'c' && l.level === 'error' && l.message.startsWith('stopped:')),
      ).toBe(true);
      expect(log.some((l) => l.nodeId === 'c' && l.message.startsWith('restarted'))).toBe(true);
      await e.handlers['run.stop']({});
    } finally {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
