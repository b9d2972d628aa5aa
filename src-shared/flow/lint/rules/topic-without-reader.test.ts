import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { topicWithoutReader } from './topic-without-reader';

describe('topic-without-reader', () => {
  it('warns about a topic nothing reads', () => {
    const flow = testFlow(
      [
        ['a', 'kafkaTopic'],
        ['b', 'kafkaTopic'],
        ['view', 'projection'],
      ],
      [['b', 'view']],
    );
    expect(topicWithoutReader(flow)).toEqual([
      {
        rule: 'topic-without-reader',
        severity: 'warning',
        nodeId: 'a',
        message: 'Nobody reads topic "a": connect a consumer, service, projection or sink',
      },
    ]);
  });
});
