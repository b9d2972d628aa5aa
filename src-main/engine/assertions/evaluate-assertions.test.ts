import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@shared/flow/document';
import { parseFlowValue } from '@shared/flow/parse';
import { emptyCounters, type NodeCounters } from '@shared/run/counters';
import { withDeadLetterWatch } from './dead-letter-watch';
import { deadLetterQueues, evaluateAssertions, type RunOutcome } from './evaluate-assertions';

function flow(assertions: unknown[]): FlowDocument {
  const res = parseFlowValue({
    version: 2,
    name: 'f',
    nodes: [
      { id: 'jobs', kind: 'rabbitQueue', config: { queue: 'jobs', deadLetter: 'dlx' } },
      { id: 'dlx-ex', kind: 'rabbitExchange', config: { exchange: 'dlx', type: 'fanout' } },
      { id: 'dead', kind: 'rabbitQueue', config: { queue: 'dead' } },
      { id: 'workers', kind: 'consumer', config: { group: 'w' } },
    ],
    edges: [
      { id: 'e1', source: 'jobs', target: 'workers' },
      { id: 'e2', source: 'dlx-ex', target: 'dead' },
    ],
    assertions,
  });
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.flow;
}

const counters = (patch: Record<string, Partial<NodeCounters>>): Record<string, NodeCounters> =>
  Object.fromEntries(Object.entries(patch).map(([id, c]) => [id, { ...emptyCounters(), ...c }]));
const outcome = (o: Partial<RunOutcome>): RunOutcome => ({ counters: {}, log: [], sagas: [], ...o });

describe('evaluateAssertions', () => {
  it('finds dead-letter queues behind a dead-letter exchange, and fails when one received messages', () => {
    const f = flow([{ kind: 'noDeadLetters' }]);
    expect(deadLetterQueues(f)).toEqual(['dead']);
    expect(evaluateAssertions(f, outcome({ counters: counters({ dead: {} }) }))[0]).toMatchObject({
      passed: true,
    });
    const [failed] = evaluateAssertions(f, outcome({ counters: counters({ dead: { sent: 3 } }) }));
    expect(failed).toMatchObject({ passed: false, detail: '3 message(s) dead-lettered into dead' });
  });

  it('gives an unread dead-letter queue a watching sink, only when the flow asserts on it', () => {
    const watched = withDeadLetterWatch(flow([{ kind: 'noDeadLetters' }]));
    expect(watched.nodes.at(-1)).toMatchObject({ id: 'dead-letter-watch-dead', kind: 'sink' });
    expect(watched.edges.at(-1)).toMatchObject({ source: 'dead', target: 'dead-letter-watch-dead' });
    expect(withDeadLetterWatch(flow([{ kind: 'noErrors' }])).nodes).toHaveLength(4);
  });

  it('checks latency, deliveries, sagas and errors against what the run left', () => {
    const f = flow([
      { kind: 'latencyP99', node: 'workers', maxMs: 100 },
      { kind: 'delivered', node: 'workers', atLeast: 10 },
      { kind: 'sagasSettled' },
      { kind: 'noErrors' },
    ]);
    const results = evaluateAssertions(
      f,
      outcome({
        counters: counters({ workers: { p99Ms: 140, received: 12, status: 'error', error: 'boom' } }),
        log: [{ seq: 1, ts: 0, level: 'error', nodeId: 'jobs', message: 'queue lost' }],
        sagas: [
          { id: 'a', nodeId: 's', status: 'confirmed' },
          { id: 'b', nodeId: 's', status: 'compensating' },
        ],
      }),
    );
    expect(results.map((r) => [r.name, r.passed, r.detail])).toEqual([
      ['p99 latency ≤ 100 ms at workers', false, 'p99 was 140 ms (limit 100 ms)'],
      ['at least 10 messages delivered to workers', true, '12 delivered to workers (at least 10 expected)'],
      ['every saga ends confirmed or compensated', false, '1 of 2 saga(s) did not settle: 1 compensating'],
      ['no node ends in error', false, 'workers: boom; jobs: queue lost'],
    ]);
  });

  it('fails a latency assertion on a node that measured nothing', () => {
    const [r] = evaluateAssertions(flow([{ kind: 'latencyP99', node: 'workers', maxMs: 5 }]), outcome({}));
    expect(r).toMatchObject({ passed: false, detail: 'no latency was measured at workers' });
  });
});
