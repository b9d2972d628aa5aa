import { describe, expect, it } from 'vitest';
import v1Fixture from '../fixtures/v1-orders.flow.json';
import { NODE_KINDS, type NodeKind } from '../node-kinds';
import { parseFlowText } from '../parse';
import { lintFlow, type LintableFlow } from './lint-flow';
import { testFlow } from './test-flow';

describe('lintFlow', () => {
  it('finds no errors in a well-formed flow', () => {
    const parsed = parseFlowText(JSON.stringify(v1Fixture));
    if (!parsed.ok) throw new Error('invalid fixture');
    const flow: LintableFlow = parsed.flow;
    expect(lintFlow(flow).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('lists errors first, then warnings, each in node order', () => {
    const flow = testFlow(
      [
        ['q', 'rabbitQueue', { queue: 'q' }],
        ['p', 'producer'],
        ['t', 'kafkaTopic', { topic: '' }],
      ],
      [['p', 'q']],
    );
    expect(lintFlow(flow).map((f) => [f.severity, f.rule, f.nodeId])).toEqual([
      ['error', 'invalid-config', 't'],
      ['warning', 'queue-without-consumer', 'q'],
      ['warning', 'topic-without-reader', 't'],
      ['warning', 'unreachable-node', 't'],
    ]);
  });

  it('never throws on half-typed or wrongly typed configs', () => {
    const junk: Array<Record<string, unknown>> = [
      {},
      { name: 5, routes: 'x', steps: [null, 3, 'a'], streams: {}, proto: 7, schema: null, query: [] },
      {
        routes: [{ output: 1, target: {}, pathPrefix: null }],
        trafficSplit: [{ weight: 'x' }],
        partitions: 'x',
      },
    ];
    for (const config of junk) {
      const nodes = NODE_KINDS.map((kind, i): [string, NodeKind, Record<string, unknown>] => [
        `n${i}`,
        kind,
        config,
      ]);
      const edges = nodes.flatMap(([a], i) =>
        nodes
          .slice(i, i + 3)
          .map(([b]): [string, string, { config: Record<string, unknown> }] => [
            a,
            b,
            { config: { policy: 3, headerMatch: { headers: 'x' } } },
          ]),
      );
      const flow = testFlow(nodes, edges as never);
      expect(() => lintFlow(flow)).not.toThrow();
    }
  });
});
