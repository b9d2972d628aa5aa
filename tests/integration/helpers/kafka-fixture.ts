import { Kafka, logLevel } from 'kafkajs';
import type { Admin, KafkaMessage } from 'kafkajs';
import { createKafkaTransport } from '../../../src-main/engine/transports/kafka/kafka-transport';
import type { TopicTransport, TransportEvent } from '../../../src-main/engine/transports/transport';
import { KAFKA_BROKERS, recordEvents, uniqueName, waitFor } from './brokers';

/**
 * What the Kafka integration tests share: a bare kafkajs admin of the test's own (to look
 * at what the adapter did, never through the adapter), transports that report into an
 * event list, and cleanup of every topic and group a test made.
 */
export interface KafkaFixture {
  admin: Admin;
  /** A fresh topic name, deleted in `cleanup()`. */
  topicName(area: string): string;
  /** A fresh group id, deleted in `cleanup()`. */
  groupId(area: string): string;
  transport(): { transport: TopicTransport; events: TransportEvent[] };
  /** Reads `count` records of `topic` from the beginning with a bare kafkajs consumer. */
  readRaw(topic: string, count: number): Promise<Array<{ partition: number; message: KafkaMessage }>>;
  cleanup(): Promise<void>;
}

export async function createKafkaFixture(brokers: string[] = KAFKA_BROKERS): Promise<KafkaFixture> {
  const kafka = new Kafka({ clientId: 'flowbench-test-inspector', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics: string[] = [];
  const groups: string[] = [];
  const transports: TopicTransport[] = [];
  return {
    admin,
    topicName(area) {
      const name = uniqueName(`fb-${area}`);
      topics.push(name);
      return name;
    },
    groupId(area) {
      const name = uniqueName(`fb-${area}-group`);
      groups.push(name);
      return name;
    },
    transport() {
      const { events, sink } = recordEvents();
      const transport = createKafkaTransport({ brokers, clientId: 'flowbench-test', onEvent: sink });
      transports.push(transport);
      return { transport, events };
    },
    async readRaw(topic, count) {
      const groupId = uniqueName('fb-raw-reader');
      groups.push(groupId);
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
      const records: Array<{ partition: number; message: KafkaMessage }> = [];
      await consumer.connect();
      try {
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ partition, message }) => void records.push({ partition, message }),
        });
        await waitFor(`${count} raw records of ${topic}`, () => records.length >= count);
      } finally {
        await consumer.disconnect();
      }
      return records;
    },
    async cleanup() {
      await Promise.allSettled(transports.map((t) => t.close()));
      await admin.deleteGroups(groups).catch(() => undefined);
      await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
