import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { deadLetterTargetMissing } from './dead-letter-target-missing';

describe('dead-letter-target-missing', () => {
  it('needs the dead-letter target to exist, not be the queue itself, and suggests one for a delivery limit', () => {
    const flow = testFlow([
      ['work', 'rabbitQueue', { queue: 'work', deadLetter: 'work.dlx' }],
      ['dlx', 'rabbitExchange', { exchange: 'work.dlx' }],
      ['jobs', 'rabbitQueue', { queue: 'jobs', deadLetter: 'jobs-dead' }],
      ['loop', 'rabbitQueue', { queue: 'loop', deadLetter: 'loop' }],
      ['limited', 'rabbitQueue', { queue: 'limited', maxDeliveries: 5 }],
      ['plain', 'rabbitQueue', { queue: 'plain' }],
    ]);
    expect(deadLetterTargetMissing(flow).map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      [
        'jobs',
        'warning',
        'Queue "jobs" dead-letters to "jobs-dead", which is no exchange or queue in this flow',
      ],
      ['loop', 'error', 'Queue "loop" dead-letters to itself: rejected messages would come straight back'],
      [
        'limited',
        'info',
        'Queue "limited" drops messages after 5 failed deliveries: set a dead-letter target to keep them',
      ],
    ]);
  });
});
