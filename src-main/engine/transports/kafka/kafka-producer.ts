import type { Kafka, Message } from 'kafkajs';
import type { OutgoingMessage, SendReceipt, TopicProducer, TopicProducerOptions } from '../transport';
import { compressionType } from './kafka-codecs';
import type { ConnectionHealth } from './kafka-connection-health';
import { explainTopicError } from './kafka-errors';
import { createRecordingPartitioner } from './kafka-partitioner';
import { computeReceipts } from './kafka-receipts';
import { RETRY } from './kafka-settings';

/** The kafkajs `acks` number: -1 every in-sync replica, 1 the leader, 0 no answer at all. */
function acksNumber(acks: TopicProducerOptions['acks']): -1 | 0 | 1 {
  if (acks === 'leader') return 1;
  if (acks === 'none') return 0;
  return -1;
}

/**
 * Connects a producer with `options` (defaults: murmur2, acks all, no compression, not
 * idempotent). `send` is one produce request per call, however many messages it carries,
 * and its receipts carry the real partition and offset of every message (only the
 * partition with acks 'none', where the broker answers nothing). An idempotent producer
 * requires acks 'all'; asking for anything else is refused before connecting.
 */
export async function createKafkaProducer(
  kafka: Kafka,
  health: ConnectionHealth,
  options: TopicProducerOptions = {},
): Promise<TopicProducer> {
  const acks = acksNumber(options.acks);
  const idempotent = options.idempotent ?? false;
  if (idempotent && acks !== -1) {
    throw new Error(`An idempotent producer needs acks "all" (got "${options.acks}")`);
  }
  const compression = compressionType(options.compression);
  const assigned = new WeakMap<Message, number>();
  const producer = kafka.producer({
    createPartitioner: createRecordingPartitioner(options.partitioner, assigned),
    allowAutoTopicCreation: false,
    idempotent,
    // An idempotent producer keeps one request in flight so retries cannot reorder.
    ...(idempotent ? { maxInFlightRequests: 1 } : {}),
    retry: RETRY,
  });
  await producer.connect();
  health.markUp();
  let closing: Promise<void> | undefined;

  return {
    async send(topic: string, messages: OutgoingMessage[]): Promise<SendReceipt[]> {
      if (messages.length === 0) return [];
      const records: Message[] = messages.map((message) => ({
        key: message.key ?? null,
        value: message.payload,
        headers: message.headers,
        ...(message.partition === undefined ? {} : { partition: message.partition }),
      }));
      const metadata = await producer
        .send({ topic, messages: records, acks, compression })
        .catch((error: unknown) => {
          throw explainTopicError(error, topic);
        });
      health.markUp();
      // Every record passed through the partitioner before the request was built.
      const partitions = records.map((record) => assigned.get(record) ?? -1);
      return computeReceipts(partitions, metadata);
    },
    close(): Promise<void> {
      closing ??= producer.disconnect();
      return closing;
    },
  };
}
