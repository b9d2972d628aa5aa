import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { queueWithoutConsumer } from './queue-without-consumer';

describe('queue-without-consumer', () => {
  it('warns about a queue nothing reads, not one a consumer or a service reads', () => {
    const flow = testFlow(
      [
        ['p', 'producer'],
        ['lonely', 'rabbitQueue'],
        ['work', 'rabbitQueue'],
        ['jobs', 'rabbitQueue'],
        ['c', 'consumer'],
        ['svc', 'restService'],
      ],
      [
        ['p', 'lonely'],
        ['work', 'c'],
        ['jobs', 'svc'],
      ],
    );
    expect(queueWithoutConsumer(flow)).toEqual([
      {
        rule: 'queue-without-consumer',
        severity: 'warning',
        nodeId: 'lonely',
        message: 'Queue "lonely" has no consumer: its messages pile up',
      },
    ]);
  });

  it('leaves a dead-letter queue alone: it holds failed messages until they are redriven', () => {
    const flow = testFlow(
      [
        ['p', 'producer'],
        ['jobs', 'rabbitQueue', { queue: 'jobs', deadLetter: 'jobs-dlq', maxDeliveries: 3 }],
        ['dlq', 'rabbitQueue', { queue: 'jobs-dlq' }],
        ['c', 'consumer'],
      ],
      [
        ['p', 'jobs'],
        ['jobs', 'c'],
      ],
    );
    expect(queueWithoutConsumer(flow)).toEqual([]);
  });
});
