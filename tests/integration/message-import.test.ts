import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus as until, useEngine } from './helpers/engine';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { flowBuilder, type TestFlow } from './helpers/flow-builder';

const LOCAL: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const startEngine = useEngine('msgimport');
let created: TestFlow | undefined;
afterEach(async () => {
  if (created) await deleteFlowBrokerObjects(created);
  created = undefined;
});

describe('NDJSON import into a running flow on the local brokers', () => {
  it.each([
    ['RabbitMQ queue', 'rabbitQueue', { queue: uniqueName('mb-import') }],
    ['Kafka topic', 'kafkaTopic', { topic: uniqueName('mb-import'), partitions: 1 }],
  ] as const)(
    'produces each line into a %s, where its consumer receives it, recorded as from "import"',
    async (_l, kind, config) => {
      const { engine: e } = await startEngine();
      const b = flowBuilder('import');
      b.node('target', kind, config);
      b.node('reader', 'consumer', {});
      b.edge('target', 'reader');
      created = b.flow;
      const started = await e.handlers['run.start']({ flow: b.flow, environment: LOCAL });
      if (!started.ok) throw new Error(JSON.stringify(started.problems));
      await until(e, 'running', (x) => x.state === 'running');

      // A bad line anywhere: nothing is sent, the problem names the line.
      const bad = await e.handlers['messages.import']({ nodeId: 'target', text: '{"a":1}\n{oops\n' });
      expect(bad).toEqual({ sent: 0, problems: [expect.stringMatching(/^line 2: not JSON/)] });

      const exported = JSON.stringify({
        key: 'k-9',
        headers: { tenant: 't9', traceparent: '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01' },
        payloadEncoding: 'utf8',
        payload: '{"order":9}',
      });
      const text = `{"order":1}\n\n{"order":2}\n${exported}\n`;
      expect(await e.handlers['messages.import']({ nodeId: 'target', text })).toEqual({
        sent: 3,
        problems: [],
      });
      await until(e, 'the consumer got all three', (x) => (x.counters.reader?.received ?? 0) === 3);
      await e.handlers['run.stop']({});

      const page = await e.handlers['messages.query']({
        filter: { runId: started.runId, nodeIds: ['import'] },
        limit: 10,
      });
      expect(page.rows).toHaveLength(3);
      const details = await Promise.all(page.rows.map((r) => e.handlers['messages.get']({ id: r.id })));
      expect(details.map((d) => d?.payloadText).sort()).toEqual([
        '{"order":1}',
        '{"order":2}',
        '{"order":9}',
      ]);
      const nine = details.find((d) => d?.payloadText === '{"order":9}');
      expect(nine?.key).toBe('k-9');
      expect(nine?.headers.tenant).toBe('t9');
      // A new trace of its own, delivered to the reader.
      expect(nine?.traceId).not.toBe('0123456789abcdef0123456789abcdef');
      expect(nine?.trace.map((ev) => ev.kind)).toEqual(expect.arrayContaining(['produce', 'deliver']));
    },
  );

  it('refuses an import when no run is going, and a node that is not a channel', async () => {
    const { engine: e } = await startEngine();
    await expect(e.handlers['messages.import']({ nodeId: 'q', text: '{}' })).rejects.toThrow(
      /no run is going/,
    );
    const b = flowBuilder('import-refused');
    b.node('orders', 'producer', { rate: 1, count: 1 });
    b.node('q', 'rabbitQueue', { queue: uniqueName('mb-import-r') });
    b.edge('orders', 'q');
    created = b.flow;
    const started = await e.handlers['run.start']({ flow: b.flow, environment: LOCAL });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await until(e, 'running', (x) => x.state === 'running');
    await expect(e.handlers['messages.import']({ nodeId: 'orders', text: '{}' })).rejects.toThrow(
      'node "orders" is not a topic, queue or exchange',
    );
    await e.handlers['run.stop']({});
  });
});
