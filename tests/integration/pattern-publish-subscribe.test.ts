import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { getTemplate } from '../../src-main/engine/templates/template-library';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, waitFor } from './helpers/brokers';
import { useEngine } from './helpers/engine';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { runEvents, type EventRow } from './helpers/run-events';
import { withUniqueBrokerNames } from './helpers/unique-broker-names';

const N = 90;

interface Flow {
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  edges: Array<{ source: string; target: string }>;
}

/** What each RabbitMQ subscriber's binding lets through, written out independently of any router. */
const RABBIT_FILTERS: Record<string, (key: string) => boolean> = {
  'subscriber-a': (key) => key.startsWith('order.'), // order.#
  'subscriber-b': (key) => /^order\.[^.]+\.eu$/.test(key), // order.*.eu
  'subscriber-c': (key) => /^order\.created\.[^.]+$/.test(key), // order.created.*
};
const KAFKA_GROUPS = ['group-a', 'group-b', 'group-c'];

/** The publish/subscribe template with N messages sent fast, names unique to this test. */
function testFlow(): Flow {
  const flow = withUniqueBrokerNames(
    JSON.parse(getTemplate('publish-subscribe').text) as Flow,
    uniqueName('ps'),
  );
  for (const n of flow.nodes) {
    if (n.id === 'publisher') Object.assign(n.config, { count: N, rate: 300 });
    // The topic gets its own name, so produce events say which of the two a copy went to.
    if (n.id === 'events-topic') n.config.topic = `${String(n.config.topic)}-log`;
  }
  return flow;
}

/** The trace ids each subscriber received, and the produced messages (trace → key) per destination. */
function whoGotWhat(events: EventRow[]): {
  produced: Map<string, Map<string, string>>;
  received: Map<string, string[]>;
} {
  const produced = new Map<string, Map<string, string>>();
  const received = new Map<string, string[]>();
  for (const e of events) {
    if (e.kind === 'produce' && e.node_id === 'publisher') {
      const byTrace = produced.get(e.destination) ?? new Map<string, string>();
      byTrace.set(e.trace_id, e.key ?? '');
      produced.set(e.destination, byTrace);
    }
    if (e.kind === 'deliver' || e.kind === 'redeliver')
      received.set(e.node_id, [...(received.get(e.node_id) ?? []), e.trace_id]);
  }
  return { produced, received };
}

let made: Flow | undefined;
afterEach(async () => {
  if (made) await deleteFlowBrokerObjects(made);
  made = undefined;
});
const startEngine = useEngine('pubsub');

describe.each<[string, Environment]>([
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
])('publish/subscribe on %s', (_name, environment) => {
  it('each subscriber receives every message matching its filter and no other; each Kafka group gets them all', async () => {
    const { engine, dataDir } = await startEngine();
    const flow = testFlow();
    if (environment.kind === 'local') made = flow;
    const exchange = String(flow.nodes.find((n) => n.id === 'events-exchange')?.config.exchange);
    const topic = String(flow.nodes.find((n) => n.id === 'events-topic')?.config.topic);
    const started = await engine.handlers['run.start']({ flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));

    // Expected: every produced copy whose key the filter accepts, exactly once.
    const expected = (events: EventRow[]): Map<string, string[]> => {
      const { produced } = whoGotWhat(events);
      const toExchange = [...(produced.get(exchange) ?? new Map<string, string>())];
      const toTopic = [...(produced.get(topic) ?? new Map<string, string>()).keys()];
      const out = new Map<string, string[]>();
      for (const [id, accepts] of Object.entries(RABBIT_FILTERS))
        out.set(
          id,
          toExchange
            .filter(([, key]) => accepts(key))
            .map(([trace]) => trace)
            .sort(),
        );
      for (const id of KAFKA_GROUPS) out.set(id, [...toTopic].sort());
      return out;
    };
    const sortedReceived = (events: EventRow[]): Map<string, string[]> =>
      new Map([...whoGotWhat(events).received].map(([id, traces]) => [id, [...traces].sort()]));

    let events: EventRow[] = [];
    await waitFor(
      `all ${N} messages published twice and delivered to their subscribers`,
      () => {
        events = runEvents(dataDir, started.runId);
        const { produced } = whoGotWhat(events);
        if ((produced.get(exchange)?.size ?? 0) < N || (produced.get(topic)?.size ?? 0) < N) return false;
        const want = expected(events);
        const got = sortedReceived(events);
        return [...want].every(([id, traces]) => (got.get(id)?.length ?? 0) >= traces.length);
      },
      60_000,
    );
    // Anything extra (a copy it should not get, a duplicate) would have arrived by now too.
    await new Promise((r) => setTimeout(r, 1000));
    await engine.handlers['run.stop']({});
    events = runEvents(dataDir, started.runId);

    const want = expected(events);
    const got = sortedReceived(events);
    for (const [id, traces] of want) expect(got.get(id) ?? [], `what ${id} received`).toEqual(traces);
    // The filters really filter: B and C each got a strict, non-empty share.
    for (const id of ['subscriber-b', 'subscriber-c']) {
      expect(want.get(id)?.length).toBeGreaterThan(0);
      expect(want.get(id)?.length).toBeLessThan(N);
    }
    expect(want.get('subscriber-a')?.length).toBe(N);
  });
});
