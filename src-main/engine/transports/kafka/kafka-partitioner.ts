import { Partitioners } from 'kafkajs';
import type { ICustomPartitioner, Message, PartitionerArgs } from 'kafkajs';
import type { TopicProducerOptions } from '../transport';

type Choose = (args: PartitionerArgs) => number;

/** Every partition in turn, keys ignored; one counter per topic. */
function roundRobin(): Choose {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata }) => {
    const next = counters.get(topic) ?? 0;
    counters.set(topic, next + 1);
    const ids = partitionMetadata.map((p) => p.partitionId).sort((a, b) => a - b);
    return ids[next % ids.length];
  };
}

/**
 * A kafkajs partitioner that honours an explicit `partition` on a message, otherwise uses
 * the chosen strategy ('murmur2' is kafkajs's Java-compatible default), and records each
 * message's partition in `assigned`, since kafkajs does not report it per message. The first
 * choice is pinned: kafkajs partitions again on a retried send, and a keyless message would
 * otherwise move and no longer match its receipt. An explicit partition the topic does not
 * have is refused with the topic and partition count named.
 */
export function createRecordingPartitioner(
  strategy: TopicProducerOptions['partitioner'],
  assigned: WeakMap<Message, number>,
): ICustomPartitioner {
  return () => {
    const choose: Choose = strategy === 'round-robin' ? roundRobin() : Partitioners.DefaultPartitioner();
    return (args) => {
      const known = assigned.get(args.message);
      if (known !== undefined) return known;
      const explicit = args.message.partition;
      if (explicit !== undefined && explicit !== null) {
        const count = args.partitionMetadata.length;
        if (!Number.isInteger(explicit) || explicit < 0 || explicit >= count) {
          // retriable: false stops kafkajs from retrying a send that cannot succeed.
          throw Object.assign(
            new Error(
              `Partition ${explicit} does not exist on topic "${args.topic}" (it has ${count} partition${count === 1 ? '' : 's'})`,
            ),
            { retriable: false },
          );
        }
      }
      const chosen = explicit ?? choose(args);
      assigned.set(args.message, chosen);
      return chosen;
    };
  };
}
