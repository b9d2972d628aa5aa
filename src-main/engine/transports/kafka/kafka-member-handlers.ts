import type { Consumer, ConsumerRunConfig, KafkaMessage } from 'kafkajs';
import type { TopicSubscription } from '../transport';
import { toIncomingMessage } from './kafka-message';

const DEFAULT_BATCH_SIZE = 100;

function nextOffset(message: KafkaMessage): string {
  return (BigInt(message.offset) + 1n).toString();
}

/**
 * The `consumer.run` configuration for a subscription. Per-message mode hands records over
 * one at a time per partition. Batch mode hands each fetched batch over in chunks of up to
 * `batchSize`, resolving the chunk's last offset and heartbeating after each, so a slow
 * handler neither loses its place nor its group membership. With `commit: 'manual'` an
 * offset is committed right after the handler that processed it resolves, and never
 * before; with 'auto' kafkajs commits resolved offsets on its own schedule.
 */
export function createMemberHandlers(consumer: Consumer, options: TopicSubscription): ConsumerRunConfig {
  const manual = options.commit === 'manual';
  const commit = (topic: string, partition: number, message: KafkaMessage): Promise<void> =>
    consumer.commitOffsets([{ topic, partition, offset: nextOffset(message) }]);

  if (options.onBatch) {
    const onBatch = options.onBatch;
    const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    return {
      autoCommit: !manual,
      eachBatchAutoResolve: false,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        isRunning,
        isStale,
        commitOffsetsIfNecessary,
      }) => {
        for (let start = 0; start < batch.messages.length; start += size) {
          // A rebalance or stop makes the rest of this batch someone else's (or nobody's).
          if (!isRunning() || isStale()) return;
          const chunk = batch.messages.slice(start, start + size);
          await onBatch(chunk.map((message) => toIncomingMessage(batch.topic, batch.partition, message)));
          const last = chunk[chunk.length - 1];
          resolveOffset(last.offset);
          if (manual) await commit(batch.topic, batch.partition, last);
          else await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    };
  }

  const onMessage = options.onMessage;
  return {
    autoCommit: !manual,
    eachMessage: async ({ topic, partition, message }) => {
      await onMessage(toIncomingMessage(topic, partition, message));
      if (manual) await commit(topic, partition, message);
    },
  };
}
