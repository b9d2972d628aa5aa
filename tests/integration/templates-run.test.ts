import { afterEach, describe, expect, it } from 'vitest';
import type { RunSnapshot } from '@shared/api/contract';
import type { Environment } from '@shared/run/environment';
import { templateFiles } from '../../src-main/engine/templates/template-library';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { withUniqueBrokerNames } from './helpers/unique-broker-names';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

/** Deliveries every template must show before it counts as running. */
const ENOUGH_RECEIVED = 5;

// Registered before the engine's hook, so it runs after the engine has closed (hooks unwind).
let onLocalBrokers: TemplateFlow | undefined;
afterEach(async () => {
  if (onLocalBrokers) await deleteFlowBrokerObjects(onLocalBrokers);
  onLocalBrokers = undefined;
});
const startEngine = useEngine('templates');

const CHANNEL_KINDS = new Set(['kafkaTopic', 'rabbitQueue', 'rabbitExchange']);

interface TemplateFlow {
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  edges: Array<{ source: string; target: string }>;
}

/**
 * Topics and queues a producer's messages reach (directly, or routed by exchanges): each
 * must hand messages on to a reader. Exchanges themselves only route, so they are passed over.
 */
function channelsFedByProducers(flow: TemplateFlow): string[] {
  const kind = new Map(flow.nodes.map((n) => [n.id, n.kind]));
  const reached = new Set<string>();
  let frontier = flow.nodes.filter((n) => n.kind === 'producer').map((n) => n.id);
  while (frontier.length > 0) {
    const next = flow.edges
      .filter((e) => frontier.includes(e.source) && CHANNEL_KINDS.has(kind.get(e.target) ?? ''))
      .map((e) => e.target)
      .filter((id) => !reached.has(id));
    next.forEach((id) => reached.add(id));
    // Only exchanges pass messages on to further channels by themselves.
    frontier = next.filter((id) => kind.get(id) === 'rabbitExchange');
  }
  return [...reached].filter((id) => kind.get(id) !== 'rabbitExchange');
}

const received = (s: RunSnapshot): number =>
  Object.values(s.counters).reduce((sum, c) => sum + c.received, 0);
const failedNodes = (s: RunSnapshot): string[] =>
  Object.entries(s.counters)
    .filter(([, c]) => c.status === 'error')
    .map(([id, c]) => `${id}: ${c.error ?? 'error'}`);

// Every template in resources/templates, on both environments: the pattern helpers' templates
// are covered here as soon as their files land.
describe.each(templateFiles().map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it.each(ENVIRONMENTS)(
    'runs on %s until messages are delivered, with no errors, and stops cleanly',
    async (_env, environment) => {
      const { engine, pushed } = await startEngine();
      const flow = withUniqueBrokerNames(JSON.parse(template.text) as TemplateFlow, uniqueName('tpl'));
      if (environment.kind === 'local') onLocalBrokers = flow;
      const fed = channelsFedByProducers(flow);
      const delivered = (s: RunSnapshot): boolean =>
        received(s) >= ENOUGH_RECEIVED && fed.every((id) => (s.counters[id]?.sent ?? 0) > 0);
      const started = await engine.handlers['run.start']({ flow, environment });
      if (!started.ok) throw new Error(`did not start: ${JSON.stringify(started.problems)}`);

      const running = await untilStatus(
        engine,
        `${ENOUGH_RECEIVED} deliveries, and deliveries out of ${fed.join(', ')}`,
        (s) => delivered(s) || failedNodes(s).length > 0 || s.state === 'failed',
        30_000,
      );
      expect(failedNodes(running)).toEqual([]);
      expect(running.state).toBe('running');
      const errors = (await engine.handlers['run.log']({})).filter((e) => e.level === 'error');
      expect(errors.map((e) => `${e.nodeId ?? ''}: ${e.message}`)).toEqual([]);

      await engine.handlers['run.stop']({});
      const states = (pushed['run.state'] ?? []).map((e) => e.state);
      expect(states).toEqual(['starting', 'running', 'stopping', 'stopped']);
      expect((await engine.handlers['run.status']({})).state).toBe('stopped');
    },
  );
});
