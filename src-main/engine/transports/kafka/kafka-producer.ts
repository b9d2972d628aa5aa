import { Partitioners } from 'kafkajs';
import type { ICustomPartitioner, Kafka, Message } from 'kafkajs';
import type { OutgoingMessage, SendReceipt, TopicProducer } from '../transport';
import type { ConnectionHealth } from './kafka-connection-health';
import { explainTopicError } from './kafka-errors';
import { computeReceipts } from './kafka-receipts';
import { RETRY } from './kafka-settings';

/**
 * Wraps kafkajs's default (Java-compatible murmur2) partitioner so we learn which
 * partition each message went to, which kafkajs does not report per message. It also
 * pins the first choice: kafkajs re-partitions on a retried send, and a keyless message
 * would otherwise move to the next round-robin partition and no longer match its receipt.
 */
function createRecordingPartitioner(assigned: WeakMap<Message, number>): ICustomPartitioner {
  return () => {
    const partition = Partitioners.DefaultPartitioner();
    return (args) => {
      const known = assigned.get(args.message);
      if (known !== undefined) return known;
      const chosen = partition(args);
      assigned.set(args.message, chosen);
      return chosen;
    };
  };
}

/**
 * Connects a producer. `send` is one produce request per call with acks=-1 (all in-sync
 * replicas), and its receipts carry the real partition and offset of every message.
 */
export async function createKafkaProducer(kafka: Kafka, health: ConnectionHealth): Promise<TopicProducer> {
  const assigned = new WeakMap<Message, number>();
  const producer = kafka.producer({
    createPartitioner: createRecordingPartitioner(assigned),
    allowAutoTopicCreation: false,
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
      }));
      const metadata = await producer.send({ topic, messages: records, acks: -1 }).catch((error: unknown) => {
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
