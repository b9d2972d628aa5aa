import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { unreachableNode } from './unreachable-node';

describe('unreachable-node', () => {
  it('follows traffic from origins and ignores annotations and policies', () => {
    const flow = testFlow(
      [
        ['p', 'producer'],
        ['t', 'kafkaTopic'],
        ['c', 'consumer'],
        ['orphan-topic', 'kafkaTopic'],
        ['orphan-sink', 'sink'],
        ['api', 'restService'],
        ['policy', 'meshPolicy'],
        ['note', 'note'],
        ['ctx', 'group'],
      ],
      [
        ['p', 't'],
        ['t', 'c'],
        ['orphan-topic', 'orphan-sink'],
        ['policy', 'api'],
      ],
    );
    expect(unreachableNode(flow).map((f) => [f.nodeId, f.severity])).toEqual([
      ['orphan-topic', 'warning'],
      ['orphan-sink', 'warning'],
      ['api', 'warning'],
    ]);
    expect(unreachableNode(flow)[2].message).toBe(
      'Nothing reaches "api": no producer, client, timer, gateway or saga leads to it',
    );
  });

  it('follows dead-lettering from a queue to its dead-letter target', () => {
    const flow = testFlow(
      [
        ['p', 'producer'],
        ['work', 'rabbitQueue', { queue: 'work', deadLetter: 'work.dead' }],
        ['dead', 'rabbitQueue', { queue: 'work.dead' }],
        ['audit', 'sink'],
        ['c', 'consumer'],
      ],
      [
        ['p', 'work'],
        ['work', 'c'],
        ['dead', 'audit'],
      ],
    );
    expect(unreachableNode(flow)).toEqual([]);
  });

  it('a canary share of a mesh policy is reached through the service the policy governs', () => {
    const split = {
      trafficSplit: [
        { target: 'v1', weight: 90 },
        { target: 'v2', weight: 10 },
      ],
    };
    const flow = testFlow(
      [
        ['client', 'restClient'],
        ['v1', 'restService'],
        ['v2', 'restService'],
        ['v3', 'restService'],
        ['canary', 'meshPolicy', split],
      ],
      [
        ['client', 'v1'],
        ['canary', 'v1'],
      ],
    );
    expect(unreachableNode(flow).map((f) => f.nodeId)).toEqual(['v3']);
  });
});
