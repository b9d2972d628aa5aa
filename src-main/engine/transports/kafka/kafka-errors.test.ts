import { describe, expect, it } from 'vitest';
import { explainTopicError } from './kafka-errors';

describe('explainTopicError', () => {
  it('names a missing topic, also behind kafkajs’s retries-exceeded wrapper', () => {
    const protocol = Object.assign(new Error('This server does not host this topic-partition'), {
      type: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
    const wrapped = Object.assign(new Error(protocol.message), { cause: protocol });
    expect((explainTopicError(wrapped, 'orders') as Error).message).toBe(
      'Topic "orders" does not exist on the cluster (kafkajs: This server does not host this topic-partition)',
    );
  });

  it('names the topic and its limit when a batch is too large', () => {
    const protocol = Object.assign(
      new Error('The request included a message larger than the max message size'),
      {
        type: 'MESSAGE_TOO_LARGE',
      },
    );
    expect((explainTopicError(protocol, 'big') as Error).message).toMatch(
      /^A batch is larger than topic "big" accepts \(its max.message.bytes\)/,
    );
  });

  it('leaves every other error alone', () => {
    const error = new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    expect(explainTopicError(error, 'orders')).toBe(error);
  });
});
