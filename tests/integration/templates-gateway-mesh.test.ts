import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFlow } from '@shared/flow/lint/lint-flow';
import { parseFlowText } from '@shared/flow/parse';
import type { Environment } from '@shared/run/environment';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS } from './helpers/brokers';
import { untilStatus, useEngine, type PushedEvents } from './helpers/engine';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

const startEngine = useEngine('templates-gw');

function template(id: string): unknown {
  const text = readFileSync(join(__dirname, '../../resources/templates', `${id}.flow.json`), 'utf8');
  const parsed = parseFlowText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  expect(lintFlow(parsed.flow)).toEqual([]);
  return JSON.parse(text);
}

async function runAndStop(
  e: Engine,
  flow: unknown,
  environment: Environment,
  until: Parameters<typeof untilStatus>[2],
) {
  const started = await e.handlers['run.start']({ flow, environment });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  const s = await untilStatus(e, 'the pattern at work', until, 30_000);
  await e.handlers['run.stop']({});
  const after = await untilStatus(
    e,
    'stopped',
    (x) => x.state !== 'running' && x.state !== 'stopping',
    15_000,
  );
  expect(after.state).not.toBe('failed');
  return s;
}

const logOf = (pushed: PushedEvents): string[] =>
  (pushed['run.log'] ?? []).flatMap((b) => b.entries.map((en) => en.message));

describe.each(ENVIRONMENTS)('pattern templates on %s', (_label, environment) => {
  it('api-gateway: every client answered through one entry, cached answers spare the service', async () => {
    const { engine: e } = await startEngine();
    const s = await runAndStop(
      e,
      template('api-gateway'),
      environment,
      (x) => (x.counters.mobile?.received ?? 0) >= 12 && (x.counters.partner?.received ?? 0) >= 6,
    );
    for (const client of ['mobile', 'web', 'partner']) expect(s.counters[client].errors).toBe(0);
    expect(s.counters['gateway/routes/0'].acked).toBeGreaterThan(s.counters.orders.received);
    expect(s.counters['gateway/routes/2'].acked).toBeGreaterThanOrEqual(6);
    expect(s.counters.pricing.received).toBeGreaterThanOrEqual(6);
  });

  it('service-mesh: the canary gets a share over mTLS and the breaker opens then closes', async () => {
    const { engine: e, pushed } = await startEngine();
    const flow = template('service-mesh') as { edges: Array<{ id: string; source: string }> };
    const ledgerEdge = flow.edges.find((x) => x.source === 'reports')?.id ?? '';
    const s = await runAndStop(
      e,
      flow,
      environment,
      (x) =>
        (x.counters.checkout?.received ?? 0) >= 60 &&
        (x.counters.ledger?.acked ?? 0) > 0 &&
        x.counters[ledgerEdge]?.breaker === 'closed',
    );
    expect(s.counters.checkout.errors).toBe(0);
    expect(s.counters['orders-v2'].received).toBeGreaterThan(0);
    expect(s.counters['orders-v1'].received).toBeGreaterThan(s.counters['orders-v2'].received);
    expect(logOf(pushed).some((l) => l.startsWith('circuit open'))).toBe(true);
  });
});
