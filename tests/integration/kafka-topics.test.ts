import { ConfigResourceTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaFixture } from './helpers/kafka-fixture';
import type { KafkaFixture } from './helpers/kafka-fixture';
import { uniqueName } from './helpers/brokers';

let kafka: KafkaFixture;
beforeAll(async () => {
  kafka = await createKafkaFixture();
});
afterAll(async () => kafka.cleanup());

async function topicConfigs(topic: string): Promise<Record<string, string>> {
  const described = await kafka.admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
  });
  return Object.fromEntries(described.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
}

describe('kafka topics', () => {
  it('creates a topic with the partitions and settings of its node', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('topics');
    await transport.ensureTopic({
      topic,
      partitions: 4,
      replicationFactor: 1,
      retentionMs: 3_600_000,
      cleanupPolicy: 'compact,delete',
      maxMessageBytes: 2_097_152,
    });
    const metadata = await kafka.admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0].partitions).toHaveLength(4);
    expect(metadata.topics[0].partitions.every((p) => p.replicas.length === 1)).toBe(true);
    const configs = await topicConfigs(topic);
    expect(configs['retention.ms']).toBe('3600000');
    expect(configs['cleanup.policy']).toBe('compact,delete');
    expect(configs['max.message.bytes']).toBe('2097152');
  });

  it('leaves unstated settings at the broker default', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('topics-default');
    await transport.ensureTopic({ topic, partitions: 1 });
    const configs = await topicConfigs(topic);
    expect(configs['cleanup.policy']).toBe('delete');
    expect(configs['max.message.bytes']).toBe('1048588');
  });

  it('names the topic and the broker’s reason when it refuses the settings', async () => {
    const { transport } = kafka.transport();
    const topic = kafka.topicName('topics-refused');
    await expect(transport.ensureTopic({ topic, partitions: 1, replicationFactor: 3 })).rejects.toThrow(
      `Could not create topic "${topic}": Replication-factor is invalid (asked for 3; the cluster has 1 broker)`,
    );
    expect(await kafka.admin.listTopics()).not.toContain(topic);
  });

  it('refuses a misspelt topic on produce, consume and lag, naming it, and creates nothing', async () => {
    const { transport, events } = kafka.transport();
    const declared = kafka.topicName('topics-declared');
    await transport.ensureTopic({ topic: declared, partitions: 1 });
    const misspelt = `${declared}-typo`;
    const producer = await transport.createProducer();
    await expect(producer.send(misspelt, [{ headers: {}, payload: Buffer.from('x') }])).rejects.toThrow(
      `Topic "${misspelt}" does not exist on the cluster`,
    );
    await expect(
      transport.subscribe({
        topic: misspelt,
        groupId: uniqueName('fb-topics-typo-group'),
        fromBeginning: true,
        onMessage: async () => {},
      }),
    ).rejects.toThrow(`Topic "${misspelt}" does not exist on the cluster`);
    await expect(transport.lag({ topic: misspelt, groupId: 'nobody' })).rejects.toThrow(`"${misspelt}"`);
    const topics = await kafka.admin.listTopics();
    expect(topics).toContain(declared);
    expect(topics).not.toContain(misspelt);
    expect(events.filter((e) => e.type === 'connection-lost')).toEqual([]);
  });
});
