import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import type { SagaInstanceRow } from '@shared/run/saga';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, unusedPort } from './helpers/brokers';
import type { TestFlow } from './helpers/flow-builder';
import { createEngine } from '../../src-main/engine/engine';
import type { Engine } from '../../src-main/engine/engine-types';
import { useEngine } from './helpers/engine';
import {
  orderSagaFlow,
  reservationsHeld,
  SAGA_STEPS,
  sagasWhen,
  type SagaStepName,
} from './helpers/saga-flows';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];
const startEngine = useEngine('saga');
const COUNT = 4;
const ended = (rows: SagaInstanceRow[]): boolean =>
  rows.length === COUNT && rows.every((r) => r.status === 'confirmed' || r.status === 'compensated');

/** The steps a saga undid, in the order it undid them. */
const undone = (r: SagaInstanceRow): string[] =>
  r.history.filter((h) => h.phase === 'compensation' && h.ok).map((h) => SAGA_STEPS[h.step]);

describe.each(ENVIRONMENTS)('saga orchestration on %s', (_label, environment) => {
  const cases: Array<[SagaStepName | 'nothing', string[]]> = [
    ['nothing', []],
    ['create-order', []],
    ['reserve-inventory', ['create-order']],
    ['charge-payment', ['reserve-inventory', 'create-order']],
    ['confirm-order', ['charge-payment', 'reserve-inventory', 'create-order']],
  ];
  it.each(cases)(
    'with %s failing, every saga ends confirmed or compensated in reverse order',
    async (failAt, undo) => {
      const { engine: e } = await startEngine();
      const feed =
        environment.kind === 'embedded'
          ? ({ via: 'rabbitQueue', queue: uniqueName('saga-feed') } as const)
          : ({ via: 'kafkaTopic', topic: uniqueName('saga-feed') } as const);
      const flow = await orderSagaFlow({
        name: uniqueName('order-saga'),
        failAt: failAt === 'nothing' ? undefined : failAt,
        feed,
        count: COUNT,
      });
      const started = await e.handlers['run.start']({ flow, environment });
      if (!started.ok) throw new Error(JSON.stringify(started.problems));
      const rows = await sagasWhen(e, flow.name, `${COUNT} sagas ended`, ended);
      await e.handlers['run.stop']({});
      for (const r of rows) {
        expect(r.status).toBe(failAt === 'nothing' ? 'confirmed' : 'compensated');
        expect(undone(r)).toEqual(undo);
        if (failAt !== 'nothing') expect(r.error).toBeTruthy();
        // Every call of a saga is one trace, and the inventory service served what the saga says.
        expect(await reservationsHeld(e, 'inventory', r.traceId)).toBe(failAt === 'nothing' ? 1 : 0);
      }
      if (failAt === 'charge-payment') expect(rows[0].error).toMatch(/FAILED_PRECONDITION: card declined/);
    },
  );
});

describe('saga orchestration: timeouts and faults', () => {
  const runToEnd = async (
    flow: Awaited<ReturnType<typeof orderSagaFlow>>,
    done: (rows: SagaInstanceRow[]) => boolean = ended,
  ): Promise<{ rows: SagaInstanceRow[]; e: Engine }> => {
    const { engine: e } = await startEngine();
    const started = await e.handlers['run.start']({ flow, environment: { kind: 'embedded' } });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const rows = await sagasWhen(e, flow.name, 'sagas ended', done);
    await e.handlers['run.stop']({});
    return { rows, e };
  };

  it('a step that times out is undone too (the service may have acted), after the steps before it', async () => {
    const flow = await orderSagaFlow({
      name: uniqueName('timeout-saga'),
      feed: { via: 'timer' },
      count: COUNT,
      stepTimeoutMs: 300,
      chargeDelayMs: 1500,
    });
    const { rows, e } = await runToEnd(flow);
    for (const r of rows) {
      expect(r.status).toBe('compensated');
      expect(r.error).toMatch(/timed out after 300 ms/);
      expect(undone(r)).toEqual(['charge-payment', 'reserve-inventory', 'create-order']);
      expect(await reservationsHeld(e, 'inventory', r.traceId)).toBe(0);
    }
  });

  it('an injected error on the edge to a service fails that step; the call is marked injected in the trace', async () => {
    const flow = await orderSagaFlow({
      name: uniqueName('fault-saga'),
      feed: { via: 'timer' },
      count: COUNT,
    });
    const toInventory = flow.edges.find((x) => x.target === 'inventory') as { config?: unknown };
    toInventory.config = { faults: [{ kind: 'failFirst', count: COUNT }] };
    const { rows, e } = await runToEnd(flow);
    for (const r of rows) {
      expect(r.status).toBe('compensated');
      expect(r.error).toMatch(/^injected: /);
      expect(undone(r)).toEqual(['create-order']);
      const events = await e.handlers['trace.get']({ traceId: r.traceId });
      expect(events.some((ev) => ev.kind === 'error' && ev.fault?.kinds.includes('failFirst'))).toBe(true);
    }
  });

  it('a compensation that keeps failing is tried compensationAttempts times, then the saga is failed', async () => {
    const flow = await orderSagaFlow({
      name: uniqueName('stuck-saga'),
      feed: { via: 'timer' },
      count: 2,
      stepTimeoutMs: 200,
    });
    // Every call to payments (the charge and its void) takes longer than the step timeout.
    const toPayments = flow.edges.find((x) => x.target === 'payments') as { config?: unknown };
    toPayments.config = { faults: [{ kind: 'latency', latencyMs: 1000 }] };
    const { rows } = await runToEnd(flow, (r) => r.length === 2 && r.every((x) => x.status === 'failed'));
    for (const r of rows) {
      expect(r.error).toMatch(/compensation of step 3 "charge-payment" failed 3 times/);
      expect(r.history.filter((h) => h.phase === 'compensation' && !h.ok)).toHaveLength(3);
      // Nothing after the stuck step is undone: a person has to look at it first.
      expect(undone(r)).toEqual([]);
    }
  });
});

describe('saga orchestration across an app restart', () => {
  it.each(['continue', 'compensate'] as const)(
    'sagas left mid-way when the engine closes %s when the flow runs again on the same database',
    async (resume) => {
      const first = await startEngine();
      const flow = await orderSagaFlow({
        name: uniqueName('restart-saga'),
        feed: { via: 'timer' },
        count: COUNT,
        inventoryLatencyMs: 800,
        resume,
      });
      const started = await first.engine.handlers['run.start']({ flow, environment: { kind: 'embedded' } });
      if (!started.ok) throw new Error(JSON.stringify(started.problems));
      await sagasWhen(
        first.engine,
        flow.name,
        'every saga waiting on the inventory',
        (rows) => rows.length === COUNT && rows.every((r) => r.inFlight?.step === 1),
      );
      // As the app does on quit: the run stops, the store closes.
      await first.close();

      const second = await createEngine({ dataDir: first.dataDir, emit: () => undefined });
      try {
        const before = await second.handlers['saga.instances']({ flowName: flow.name, limit: 100 });
        expect(before).toHaveLength(COUNT);
        // The calls in flight were answered before the close: each saga is stored after reserving.
        for (const r of before) expect(r).toMatchObject({ status: 'running', completed: 2, inFlight: null });
        const again = await second.handlers['run.start']({
          flow: {
            ...flow,
            nodes: flow.nodes.filter((n) => n.id !== 'checkout'),
            edges: flow.edges.filter((x) => x.source !== 'checkout'),
          },
          environment: { kind: 'embedded' },
        });
        if (!again.ok) throw new Error(JSON.stringify(again.problems));
        const rows = await sagasWhen(second, flow.name, 'the resumed sagas to end', ended);
        await second.handlers['run.stop']({});
        for (const r of rows) {
          expect(r.runId).toBe(started.runId);
          if (resume === 'continue') {
            expect(r.status).toBe('confirmed');
            expect(r.history.filter((h) => h.phase === 'action').map((h) => SAGA_STEPS[h.step])).toEqual([
              ...SAGA_STEPS,
            ]);
            expect(await reservationsHeld(second, 'inventory', r.traceId)).toBe(1);
          } else {
            expect(r.status).toBe('compensated');
            expect(r.error).toBe('interrupted by an app restart');
            expect(undone(r)).toEqual(['reserve-inventory', 'create-order']);
            expect(await reservationsHeld(second, 'inventory', r.traceId)).toBe(0);
          }
        }
        const log = await second.handlers['run.log']({});
        expect(log.map((l) => l.message)).toContain(
          `resuming ${COUNT} saga(s) left unfinished by an earlier run (${resume === 'continue' ? 'continuing' : 'compensating'})`,
        );
      } finally {
        await second.close();
      }
    },
  );
});

describe.each(ENVIRONMENTS)('the saga-orchestration template on %s', (_label, environment) => {
  it('runs: every saga ends confirmed or compensated (one charge in four declined), and stops cleanly', async () => {
    const { engine: e } = await startEngine();
    const flow = JSON.parse(
      readFileSync('resources/templates/saga-orchestration.flow.json', 'utf8'),
    ) as TestFlow;
    flow.name = uniqueName('saga-template');
    for (const n of flow.nodes) {
      if (n.kind === 'restService') n.config.port = await unusedPort();
      if (n.kind === 'kafkaTopic') n.config.topic = uniqueName('saga-order-requests');
      if (n.kind === 'producer') Object.assign(n.config, { rate: 20, count: 12 });
    }
    const started = await e.handlers['run.start']({ flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const rows = await sagasWhen(
      e,
      flow.name,
      '12 sagas ended',
      (r) => r.length === 12 && r.every((x) => x.status === 'confirmed' || x.status === 'compensated'),
    );
    await e.handlers['run.stop']({});
    expect((await e.handlers['run.status']({})).state).toBe('stopped');
    for (const r of rows) {
      if (r.status === 'confirmed') expect(undone(r)).toEqual([]);
      else expect(undone(r)).toEqual(['reserve-inventory', 'create-order']);
    }
  });
});
