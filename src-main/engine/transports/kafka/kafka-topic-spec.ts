import type { Admin, ITopicConfig } from 'kafkajs';
import type { TopicSpec } from '../transport';

/**
 * Builds the admin request for a topic: partitions, replication (-1 = the cluster's
 * default) and only the settings the spec states, so anything left out keeps the broker's
 * default instead of an override the user never chose.
 */
export function topicConfig(spec: TopicSpec): ITopicConfig {
  const entries: Array<{ name: string; value: string }> = [];
  if (spec.retentionMs !== undefined) entries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
  if (spec.cleanupPolicy !== undefined) entries.push({ name: 'cleanup.policy', value: spec.cleanupPolicy });
  if (spec.maxMessageBytes !== undefined) {
    entries.push({ name: 'max.message.bytes', value: String(spec.maxMessageBytes) });
  }
  return {
    topic: spec.topic,
    numPartitions: spec.partitions,
    replicationFactor: spec.replicationFactor ?? -1,
    configEntries: entries,
  };
}

interface AdminErrorShape extends Error {
  errors?: Array<{ message?: string; type?: string }>;
}

/**
 * Creates the topic unless it exists (an existing topic is left as it is, whatever its
 * partitions). A refusal names the topic and the broker's reason, e.g. a replication
 * factor above the number of brokers.
 */
export async function createTopicIfAbsent(admin: Admin, spec: TopicSpec): Promise<void> {
  try {
    await admin.createTopics({ topics: [topicConfig(spec)], waitForLeaders: true });
  } catch (error) {
    // kafkajs wraps per-topic failures in an aggregate error whose own message is generic.
    const shape = error as AdminErrorShape;
    const reasons = shape.errors?.map((e) => e.message).filter(Boolean) ?? [];
    let reason = reasons.length > 0 ? reasons.join('; ') : shape.message;
    // kafkajs drops the broker's own explanation; the usual cause is too few brokers.
    if (shape.errors?.some((e) => e.type === 'INVALID_REPLICATION_FACTOR')) {
      const brokers = await admin
        .describeCluster()
        .then((cluster) => cluster.brokers.length)
        .catch(() => undefined);
      if (brokers !== undefined) {
        reason += ` (asked for ${spec.replicationFactor}; the cluster has ${brokers} broker${brokers === 1 ? '' : 's'})`;
      }
    }
    throw new Error(`Could not create topic "${spec.topic}": ${reason}`, { cause: error });
  }
}
