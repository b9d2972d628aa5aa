import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { cycleWithoutStop } from './cycle-without-stop';

describe('cycle-without-stop', () => {
  it('warns about a router loop without a filter or hop limit, once per loop', () => {
    const flow = testFlow(
      [
        ['r1', 'router'],
        ['q', 'rabbitQueue'],
        ['r2', 'router'],
        ['t', 'kafkaTopic'],
      ],
      [
        ['r1', 'q'],
        ['q', 'r2'],
        ['r2', 't'],
        ['t', 'r1'],
      ],
    );
    expect(cycleWithoutStop(flow)).toEqual([
      {
        rule: 'cycle-without-stop',
        severity: 'warning',
        nodeId: 'r1',
        message:
          'Messages loop through "r1", "q", "r2" and "t" with nothing to stop them: add a filter, or set a router\'s max hops',
      },
    ]);
  });

  it('accepts a loop with a filter or a router hop limit, and a plain chain', () => {
    const withFilter = testFlow(
      [
        ['r', 'router'],
        ['f', 'filter'],
      ],
      [
        ['r', 'f'],
        ['f', 'r'],
      ],
    );
    expect(cycleWithoutStop(withFilter)).toEqual([]);
    const withHops = testFlow(
      [
        ['r', 'router', { maxHops: 5 }],
        ['q', 'rabbitQueue'],
      ],
      [
        ['r', 'q'],
        ['q', 'r'],
      ],
    );
    expect(cycleWithoutStop(withHops)).toEqual([]);
    const chain = testFlow(
      [
        ['p', 'producer'],
        ['q', 'rabbitQueue'],
        ['c', 'consumer'],
      ],
      [
        ['p', 'q'],
        ['q', 'c'],
      ],
    );
    expect(cycleWithoutStop(chain)).toEqual([]);
  });

  it('sees a router feeding itself', () => {
    const flow = testFlow([['r', 'router']], [['r', 'r']]);
    expect(cycleWithoutStop(flow).map((f) => f.nodeId)).toEqual(['r']);
  });
});
