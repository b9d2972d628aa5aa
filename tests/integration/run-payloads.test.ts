import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus as until, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';

const LOCAL: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const startEngine = useEngine('payloads');

describe('payloads in a run', () => {
  it('carries a 1 MB payload through a topic sized for it and stores it whole', async () => {
    const { engine: e } = await startEngine();
    const b = flowBuilder('big');
    b.node('p', 'producer', {
      rate: 10,
      count: 3,
      payload: '{"blob": "{{faker.string.alpha({"length": 1048576})}}"}',
    });
    b.node('t', 'kafkaTopic', { topic: uniqueName('big'), partitions: 1, maxMessageBytes: 2_200_000 });
    b.node('c', 'consumer', { group: uniqueName('big') });
    b.edge('p', 't');
    b.edge('t', 'c');
    const started = await e.handlers['run.start']({ flow: b.flow, environment: LOCAL });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const s = await until(e, 'three big messages consumed', (x) => x.counters.c?.acked === 3);
    expect(s.counters.p.errors).toBe(0);
    await e.handlers['run.stop']({});
    const rows = (await e.handlers['messages.list']({ runId: started.runId, limit: 10 })).rows;
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.size).toBeGreaterThan(1_048_576);
  });

  it('stores a binary, non-UTF-8 payload sent by another client byte for byte', async () => {
    const { engine: e } = await startEngine();
    const topic = uniqueName('binary');
    const b = flowBuilder('binary');
    b.node('t', 'kafkaTopic', { topic, partitions: 1 });
    b.node('c', 'consumer', { group: uniqueName('binary'), fromBeginning: true });
    b.edge('t', 'c');
    const started = await e.handlers['run.start']({ flow: b.flow, environment: LOCAL });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(e, 'the consumer to join', (x) => x.counters.c?.status === 'running');
    const payload = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), randomBytes(4096)]);
    const producer = new Kafka({ brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [{ key: 'bin', value: payload, headers: { 'content-type': 'application/octet-stream' } }],
    });
    await producer.disconnect();
    await until(e, 'the binary message consumed', (x) => x.counters.c?.acked === 1);
    await e.handlers['run.stop']({});
    const [row] = (await e.handlers['messages.list']({ runId: started.runId, limit: 10 })).rows;
    const detail = await e.handlers['messages.get']({ id: row.id });
    expect(detail?.payloadText).toBeNull();
    expect(Buffer.from(detail?.payloadBase64 ?? '', 'base64').equals(payload)).toBe(true);
    expect(detail?.headers['content-type']).toBe('application/octet-stream');
    expect(detail?.key).toBe('bin');
    expect(detail?.decoded?.format).toBe('binary');
    expect(detail?.decoded?.text).toMatch(/^\[binary, 4101 bytes\]/);
  });
});
