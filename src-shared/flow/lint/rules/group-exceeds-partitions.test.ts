import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { groupExceedsPartitions } from './group-exceeds-partitions';

describe('group-exceeds-partitions', () => {
  it('adds up the members of one group on a topic and compares with its partitions', () => {
    const flow = testFlow(
      [
        ['orders', 'kafkaTopic', { partitions: 3 }],
        ['billing-a', 'consumer', { group: 'billing', members: 2 }],
        ['billing-b', 'consumer', { group: 'billing', members: 2 }],
        ['audit', 'consumer', { members: 3 }],
      ],
      [
        ['orders', 'billing-a'],
        ['orders', 'billing-b'],
        ['orders', 'audit'],
      ],
    );
    expect(groupExceedsPartitions(flow)).toEqual([
      {
        rule: 'group-exceeds-partitions',
        severity: 'warning',
        nodeId: 'billing-a',
        message: 'Group "billing" has 4 members on topic "orders", which has 3 partitions: 1 will sit idle',
      },
    ]);
  });
});
