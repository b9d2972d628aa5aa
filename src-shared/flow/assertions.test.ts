import { describe, expect, it } from 'vitest';
import { describeAssertion } from './assertions';
import { parseFlowText, serializeFlow } from './parse';

const NODES = [
  { id: 'orders', kind: 'kafkaTopic', config: { topic: 'orders' } },
  { id: 'billing', kind: 'consumer', config: { group: 'billing' } },
];
const flowWith = (assertions: unknown): string =>
  JSON.stringify({
    version: 2,
    name: 'f',
    nodes: NODES,
    edges: [{ id: 'e1', source: 'orders', target: 'billing' }],
    assertions,
  });

describe('flow assertions', () => {
  it('parse, keep their order and save with sorted keys', () => {
    const res = parseFlowText(
      flowWith([
        { node: 'billing', kind: 'delivered', atLeast: 10 },
        { kind: 'noDeadLetters' },
        { maxMs: 250, kind: 'latencyP99', node: 'billing', name: 'billing is fast' },
      ]),
    );
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.flow.assertions?.map((a) => a.kind)).toEqual(['delivered', 'noDeadLetters', 'latencyP99']);
    const text = serializeFlow(res.flow);
    const saved = JSON.parse(text) as { assertions: unknown[] };
    expect(saved.assertions).toEqual([
      { atLeast: 10, kind: 'delivered', node: 'billing' },
      { kind: 'noDeadLetters' },
      { kind: 'latencyP99', maxMs: 250, name: 'billing is fast', node: 'billing' },
    ]);
    expect(text).toContain('"atLeast": 10,\n      "kind": "delivered"');
    // Saving what was opened gives the same text: no churn in diffs.
    const again = parseFlowText(text);
    if (!again.ok) throw new Error('saved flow does not parse');
    expect(serializeFlow(again.flow)).toBe(text);
  });

  it('leave flows without them unchanged', () => {
    const res = parseFlowText(flowWith(undefined));
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.flow.assertions).toBeUndefined();
    expect(serializeFlow(res.flow)).not.toContain('assertions');
  });

  it('report a bad field and an unknown node with their path', () => {
    const res = parseFlowText(flowWith([{ kind: 'latencyP99', node: 'billing', maxMs: -1 }]));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems).toEqual([{ path: 'assertions[0].maxMs', message: 'must be more than 0' }]);

    const unknown = parseFlowText(
      flowWith([{ kind: 'noErrors' }, { kind: 'delivered', node: 'ghost', atLeast: 1 }]),
    );
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.problems).toEqual([
      { path: 'assertions[1].node', message: 'names node "ghost", which the flow does not have' },
    ]);

    const notSaga = parseFlowText(flowWith([{ kind: 'sagasSettled', node: 'orders' }]));
    expect(notSaga.ok).toBe(false);
    if (notSaga.ok) return;
    expect(notSaga.problems[0].message).toContain('not a saga orchestrator');
  });

  it('reject an unknown kind, naming the kinds there are', () => {
    const res = parseFlowText(flowWith([{ kind: 'allGood' }]));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems[0].path).toBe('assertions[0].kind');
    expect(res.problems[0].message).toContain('noDeadLetters');
  });

  it('describe themselves when they have no name', () => {
    expect(describeAssertion({ kind: 'latencyP99', node: 'billing', maxMs: 50 })).toBe(
      'p99 latency ≤ 50 ms at billing',
    );
    expect(describeAssertion({ kind: 'noDeadLetters', name: 'DLQ stays empty' })).toBe('DLQ stays empty');
  });
});
