import type { Admin } from 'kafkajs';
import type { PartitionLag } from '../transport';

/** One partition's bounds as kafkajs's fetchTopicOffsets gives them. */
export interface PartitionBounds {
  partition: number;
  low: string;
  high: string;
}

/**
 * Combines a topic's partition bounds with a group's committed offsets ('-1' = none) into
 * one row per partition, sorted by partition. Arithmetic is on BigInt; lag is a number
 * because no real lag approaches 2^53.
 */
export function computeLag(
  bounds: PartitionBounds[],
  committed: Array<{ partition: number; offset: string }>,
): PartitionLag[] {
  const byPartition = new Map(committed.map((c) => [c.partition, c.offset]));
  return [...bounds]
    .sort((a, b) => a.partition - b.partition)
    .map(({ partition, low, high }) => {
      const raw = byPartition.get(partition);
      const has = raw !== undefined && raw !== '-1';
      const from = BigInt(has ? raw : low);
      const lag = BigInt(high) - from;
      return { partition, committed: has ? raw : null, end: high, lag: Number(lag < 0n ? 0n : lag) };
    });
}

/** Reads a group's lag on every partition of `topic` through the admin client. */
export async function fetchKafkaLag(admin: Admin, topic: string, groupId: string): Promise<PartitionLag[]> {
  const [bounds, offsets] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  const committed = offsets.find((entry) => entry.topic === topic)?.partitions ?? [];
  return computeLag(bounds, committed);
}
