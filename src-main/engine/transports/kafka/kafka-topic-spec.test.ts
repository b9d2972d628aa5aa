import { describe, expect, it } from 'vitest';
import { topicConfig } from './kafka-topic-spec';

describe('topicConfig', () => {
  it('sends only the settings the spec states, with the cluster default replication', () => {
    expect(topicConfig({ topic: 't', partitions: 3 })).toEqual({
      topic: 't',
      numPartitions: 3,
      replicationFactor: -1,
      configEntries: [],
    });
  });

  it('maps retention, cleanup policy and message size to Kafka topic configs', () => {
    const config = topicConfig({
      topic: 't',
      partitions: 1,
      replicationFactor: 1,
      retentionMs: -1,
      cleanupPolicy: 'compact,delete',
      maxMessageBytes: 2_097_152,
    });
    expect(config.replicationFactor).toBe(1);
    expect(config.configEntries).toEqual([
      { name: 'retention.ms', value: '-1' },
      { name: 'cleanup.policy', value: 'compact,delete' },
      { name: 'max.message.bytes', value: '2097152' },
    ]);
  });
});
