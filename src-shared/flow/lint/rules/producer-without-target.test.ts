import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { producerWithoutTarget } from './producer-without-target';

describe('producer-without-target', () => {
  it('is an error for a producer and a warning for a timer', () => {
    const flow = testFlow(
      [
        ['p', 'producer'],
        ['ok', 'producer'],
        ['tick', 'timer'],
        ['t', 'kafkaTopic'],
      ],
      [['ok', 't']],
    );
    expect(producerWithoutTarget(flow).map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      ['p', 'error', 'Producer "p" sends nowhere: connect it to a topic, exchange or queue'],
      ['tick', 'warning', 'Timer "tick" ticks into nothing: connect it to a topic, queue, router or saga'],
    ]);
  });
});
