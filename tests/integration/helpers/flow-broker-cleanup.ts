import { connect } from 'amqplib';
import { Kafka, logLevel } from 'kafkajs';
import { AMQP_URL, KAFKA_BROKERS } from './brokers';

interface FlowLike {
  nodes: Array<{ kind: string; config: Record<string, unknown> }>;
}

const names = (flow: FlowLike, kind: string, field: string): string[] =>
  flow.nodes
    .filter((n) => n.kind === kind && typeof n.config[field] === 'string')
    .map((n) => n.config[field] as string);

/**
 * Deletes from the shared local brokers the topics, consumer groups, queues and exchanges a
 * flow's run declared (use it only on flows with names unique to the test). Best effort:
 * what is already gone is skipped.
 */
export async function deleteFlowBrokerObjects(flow: FlowLike): Promise<void> {
  const topics = [
    ...names(flow, 'kafkaTopic', 'topic'),
    ...names(flow, 'eventStore', 'topic').filter(Boolean),
  ];
  const groups = names(flow, 'consumer', 'group');
  if (topics.length > 0) {
    const admin = new Kafka({
      clientId: 'flowbench-test-cleanup',
      brokers: KAFKA_BROKERS,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      await admin.deleteGroups(groups).catch(() => undefined);
      await admin.deleteTopics({ topics }).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
  const queues = names(flow, 'rabbitQueue', 'queue');
  const exchanges = names(flow, 'rabbitExchange', 'exchange');
  if (queues.length + exchanges.length === 0) return;
  const model = await connect(AMQP_URL);
  try {
    const channel = await model.createChannel();
    for (const q of queues) await channel.deleteQueue(q).catch(() => undefined);
    for (const x of exchanges) await channel.deleteExchange(x).catch(() => undefined);
  } finally {
    await model.close().catch(() => undefined);
  }
}
