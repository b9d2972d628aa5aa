import type { NodeKindInfo } from '../node-catalog';

type Kinds = 'producer' | 'consumer' | 'kafkaTopic' | 'rabbitExchange' | 'rabbitQueue';

/** Palette entries of the Messaging family. */
export const MESSAGING_CATALOG: Record<Kinds, NodeKindInfo> = {
  producer: {
    kind: 'producer',
    label: 'Producer',
    noun: 'a producer',
    family: 'Messaging',
    description: 'Sends templated JSON messages at a rate',
    color: '#3b82f6',
    icon: '↗',
    keywords: 'publisher publish send emit',
    starter: {},
  },
  consumer: {
    kind: 'consumer',
    label: 'Consumer',
    noun: 'a consumer',
    family: 'Messaging',
    description: 'Receives and acknowledges messages (a group of N members)',
    color: '#10b981',
    icon: '↘',
    keywords: 'subscriber worker group receive',
    starter: {},
  },
  kafkaTopic: {
    kind: 'kafkaTopic',
    label: 'Kafka topic',
    noun: 'a Kafka topic',
    family: 'Messaging',
    description: 'Partitioned, replayable log; consumer groups share partitions',
    color: '#f59e0b',
    icon: '≣',
    keywords: 'kafka log stream pubsub partition',
    starter: { topic: 'events' },
  },
  rabbitExchange: {
    kind: 'rabbitExchange',
    label: 'RabbitMQ exchange',
    noun: 'a RabbitMQ exchange',
    family: 'Messaging',
    description: 'Routes messages to bound queues by key, pattern or headers',
    color: '#c2410c',
    icon: '⇶',
    keywords: 'rabbitmq amqp exchange direct topic fanout headers binding pubsub',
    starter: { exchange: 'events' },
  },
  rabbitQueue: {
    kind: 'rabbitQueue',
    label: 'RabbitMQ queue',
    noun: 'a RabbitMQ queue',
    family: 'Messaging',
    description: 'Point-to-point queue with acks, TTL and dead-lettering',
    color: '#f97316',
    icon: '▤',
    keywords: 'rabbitmq amqp queue dlq dead letter work',
    starter: { queue: 'work' },
  },
};
