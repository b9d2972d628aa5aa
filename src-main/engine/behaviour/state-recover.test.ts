import { describe, expect, it } from 'vitest';
import { behaviourList } from '@shared/flow/kinds/behaviours';
import { BehaviourPipeline } from './behaviour-pipeline';
import { jsonMessage, jsonOf, step, testDeps } from './behaviour-test-kit';
import { behaviourProblems } from './check-behaviours';
import { BehaviourFailure } from './fail';
import { KeyedState } from './keyed-state';

function pipeline(raw: unknown[], state = new KeyedState()): BehaviourPipeline {
  return new BehaviourPipeline(behaviourList.parse(raw), {
    ...testDeps({ state }),
    emit: () => undefined,
    onError: () => undefined,
  });
}

describe('state step', () => {
  it('keeps the message under its key in a named store, and forgets it on delete', async () => {
    const state = new KeyedState();
    const deps = testDeps({ state });
    const put = step({ kind: 'state', store: 'reservations', op: 'put', key: '$.orderId' }, deps);
    const del = step({ kind: 'state', store: 'reservations', op: 'delete', key: '$.orderId' }, deps);
    await put.process(jsonMessage({ orderId: 'o-1', qty: 2 }));
    await put.process(jsonMessage({ orderId: 'o-2', qty: 1 }));
    expect(state.view().reservations.map((e) => [e.key, e.value])).toEqual([
      ['o-1', { orderId: 'o-1', qty: 2 }],
      ['o-2', { orderId: 'o-2', qty: 1 }],
    ]);
    const passed = await del.process(jsonMessage({ orderId: 'o-1' }));
    expect(jsonOf(passed)).toEqual([{ orderId: 'o-1' }]);
    expect(state.view().reservations.map((e) => e.key)).toEqual(['o-2']);
  });

  it('names the field when the key is missing or not a scalar', async () => {
    const s = step({ kind: 'state', store: 'x', key: '$.orderId' }, testDeps({ state: new KeyedState() }));
    await expect(s.process(jsonMessage({ other: 1 }))).rejects.toThrow(
      /behaviours\[0\]\.key: \$\.orderId is not a key/,
    );
    await expect(s.process(jsonMessage({ orderId: { a: 1 } }))).rejects.toThrow(/is not a key/);
  });
});

describe('fail step with when', () => {
  it('fails only the messages its predicate holds for', async () => {
    const f = step({ kind: 'fail', probability: 1, when: '$.failAt == "payment"' });
    expect(await f.process(jsonMessage({ failAt: 'none' }))).toHaveLength(1);
    await expect(f.process(jsonMessage({ failAt: 'payment' }))).rejects.toBeInstanceOf(BehaviourFailure);
  });

  it('reports a predicate that does not compile before the run', () => {
    const problems = behaviourProblems('svc', behaviourList.parse([{ kind: 'fail', when: '$.a ==' }]));
    expect(problems[0].field).toBe('behaviours[0].when');
  });
});

describe('recover step', () => {
  const reserve = [
    {
      kind: 'recover',
      template: '{"type": "InventoryRejected", "orderId": "{{payload.orderId}}", "reason": "{{error}}"}',
    },
    { kind: 'fail', probability: 1, when: '$.failAt == "inventory"' },
    { kind: 'state', store: 'reservations', op: 'put', key: '$.orderId' },
    { kind: 'transform', template: '{"type": "InventoryReserved", "orderId": "{{payload.orderId}}"}' },
  ];

  it('passes messages through the later steps when they succeed', async () => {
    const state = new KeyedState();
    const out = await pipeline(reserve, state).process(jsonMessage({ orderId: 'o-1', failAt: 'none' }));
    expect(jsonOf(out)).toEqual([{ type: 'InventoryReserved', orderId: 'o-1' }]);
    expect(state.view().reservations.map((e) => e.key)).toEqual(['o-1']);
  });

  it('turns a failure of a later step into its own message, and the steps after the failure do not run', async () => {
    const state = new KeyedState();
    const out = await pipeline(reserve, state).process(jsonMessage({ orderId: 'o-2', failAt: 'inventory' }));
    expect(jsonOf(out)).toEqual([
      { type: 'InventoryRejected', orderId: 'o-2', reason: expect.stringMatching(/fail step/) },
    ]);
    // Nothing reserved for the order that failed.
    expect(state.view().reservations).toBeUndefined();
  });

  it('answers a failure from outside the steps (a fault injected at the node) with its template', async () => {
    const out = await pipeline(reserve).recoverFailure(
      jsonMessage({ orderId: 'o-3' }),
      'injected: broker down',
    );
    expect(jsonOf(out ?? [])).toEqual([
      { type: 'InventoryRejected', orderId: 'o-3', reason: 'injected: broker down' },
    ]);
    expect(await pipeline([{ kind: 'transform' }]).recoverFailure(jsonMessage({}), 'x')).toBeNull();
  });

  it('reports a recover template that does not compile before the run', () => {
    const problems = behaviourProblems(
      'svc',
      behaviourList.parse([{ kind: 'recover', template: '{{nope.' }]),
    );
    expect(problems[0].field).toBe('behaviours[0].template');
  });
});
