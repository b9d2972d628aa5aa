import { describe, expect, it } from 'vitest';
import { createRestartPolicy } from './kafka-restart-policy';

const retriesExceeded = (cause: Error): Error =>
  Object.assign(new Error(cause.message), { name: 'KafkaJSNumberOfRetriesExceeded', cause });

describe('restart policy', () => {
  it('restarts through an outage shorter than the window, then gives up', () => {
    const policy = createRestartPolicy(10_000);
    const refused = retriesExceeded(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    expect(policy.allows(refused, 1_000)).toBe(true);
    expect(policy.allows(refused, 9_000)).toBe(true);
    expect(policy.allows(refused, 11_000)).toBe(false);
  });

  it('starts a new window once the member has joined again', () => {
    const policy = createRestartPolicy(10_000);
    const error = new Error('Connection timeout');
    expect(policy.allows(error, 0)).toBe(true);
    policy.joined();
    expect(policy.allows(error, 50_000)).toBe(true);
    expect(policy.allows(error, 59_000)).toBe(true);
  });

  it('restarts for an unknown topic only through a short grace (a broker loading its logs), then stops', () => {
    const policy = createRestartPolicy(60_000, 15_000);
    const gone = Object.assign(new Error('This server does not host this topic-partition'), {
      type: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
    expect(policy.allows(retriesExceeded(gone), 0)).toBe(true);
    expect(policy.allows(retriesExceeded(gone), 14_000)).toBe(true);
    expect(policy.allows(retriesExceeded(gone), 15_000)).toBe(false);
    // Other errors of the same streak keep the longer window.
    expect(policy.allows(new Error('Connection timeout'), 30_000)).toBe(true);
  });
});
