import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src-main/engine/transports/transport';
import { KAFKA_BROKERS, waitFor } from './helpers/brokers';
import { createKafkaFixture } from './helpers/kafka-fixture';
import type { KafkaFixture } from './helpers/kafka-fixture';

// Debian's kcat (librdkafka), a client that shares no code with kafkajs.
let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => kafka.cleanup());

function kcat(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'kcat',
      ['-b', KAFKA_BROKERS.join(','), ...args],
      { timeout: 30_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`kcat ${args.join(' ')} failed: ${stderr || error.message}`))
          : resolve(stdout),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** One record as `kcat -J` prints it; headers are a flat [name, value, name, value…] list. */
interface KcatRecord {
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers?: string[];
}

describe('kafka interop with kcat', () => {
  it('what our producer sends (key, headers, snappy-compressed payload) reads correctly with kcat -C', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('interop-out');
    await transport.ensureTopic({ topic, partitions: 2 });
    const producer = await transport.createProducer({ compression: 'snappy' });
    const sent = Array.from({ length: 5 }, (_, i) => ({
      key: `order-${i}`,
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`,
        seq: String(i),
      },
      payload: Buffer.from(JSON.stringify({ id: i, note: 'grüße ✓' })),
    }));
    const receipts = await producer.send(topic, sent);
    const out = await kcat(['-C', '-t', topic, '-o', 'beginning', '-e', '-c', '5', '-J', '-q']);
    const records = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as KcatRecord);
    expect(records).toHaveLength(5);
    for (const record of records) {
      const headers = Object.fromEntries(
        Array.from({ length: (record.headers?.length ?? 0) / 2 }, (_, i) => [
          record.headers![2 * i],
          record.headers![2 * i + 1],
        ]),
      );
      const i = Number(headers.seq);
      expect(record.key).toBe(sent[i].key);
      expect(headers).toEqual(sent[i].headers);
      expect(record.payload).toBe(sent[i].payload.toString('utf8'));
      expect({ partition: record.partition, offset: String(record.offset) }).toEqual(receipts[i]);
    }
  });

  it('what kcat -P produces (key, headers, gzip and snappy) is consumed with its key and headers', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('interop-in');
    await transport.ensureTopic({ topic, partitions: 1 });
    const received: IncomingMessage[] = [];
    await transport.subscribe({
      topic,
      groupId: kafka.groupId('interop-in'),
      fromBeginning: true,
      onMessage: async (m) => void received.push(m),
    });
    const header = ['-H', 'source=kcat', '-H', 'tenant=acme'];
    await kcat(['-P', '-t', topic, '-K', '|', '-z', 'gzip', ...header], 'k1|{"n":1}\nk2|{"n":2}\n');
    await kcat(['-P', '-t', topic, '-K', '|', '-z', 'snappy', ...header], 'k3|plain text ✓\n');
    await waitFor('three records from kcat', () => received.length === 3);
    expect(received.map((m) => [m.key, m.payload.toString('utf8')])).toEqual([
      ['k1', '{"n":1}'],
      ['k2', '{"n":2}'],
      ['k3', 'plain text ✓'],
    ]);
    for (const m of received) expect(m.headers).toEqual({ source: 'kcat', tenant: 'acme' });
  });
});
