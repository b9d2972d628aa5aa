import type { Environment } from '@shared/run/environment';
import { createAmqpTransport } from '../transports/amqp/amqp-transport';
import { createEmbeddedExchanges } from '../transports/embedded/embedded-exchanges';
import { createEmbeddedTopics } from '../transports/embedded/embedded-topics';
import { createKafkaTransport } from '../transports/kafka/kafka-transport';
import type { ExchangeTransport, TopicTransport, TransportEventSink } from '../transports/transport';

export interface RunTransports {
  topics: TopicTransport | null;
  /** RabbitMQ-shaped: exchanges, bindings and queues (amqplib, or the embedded emulation). */
  queues: ExchangeTransport | null;
}

/**
 * Picks the adapters for an environment; only the ones the flow needs are created, so a
 * flow without queues never touches RabbitMQ.
 */
export function createRunTransports(
  env: Environment,
  needs: { topics: boolean; queues: boolean },
  runId: string,
  sinks: { topics: TransportEventSink; queues: TransportEventSink },
): RunTransports {
  if (env.kind === 'embedded') {
    return {
      topics: needs.topics ? createEmbeddedTopics() : null,
      queues: needs.queues ? createEmbeddedExchanges() : null,
    };
  }
  return {
    topics: needs.topics
      ? createKafkaTransport({
          brokers: env.kafkaBrokers,
          clientId: `flowbench-${runId.slice(0, 8)}`,
          onEvent: sinks.topics,
        })
      : null,
    queues: needs.queues ? createAmqpTransport({ url: env.amqpUrl, onEvent: sinks.queues }) : null,
  };
}
