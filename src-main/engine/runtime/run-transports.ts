import type { RunEnvironment } from '../environments/run-environment';
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
 * flow without queues never touches RabbitMQ. An environment without Kafka (or RabbitMQ)
 * settings gives no adapter for it; the controller refuses such runs before they start.
 */
export function createRunTransports(
  env: RunEnvironment,
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
  const { kafka, amqp } = env;
  return {
    topics:
      needs.topics && kafka
        ? createKafkaTransport({
            brokers: kafka.brokers,
            ssl: kafka.ssl,
            sasl: kafka.sasl,
            clientId: `flowbench-${runId.slice(0, 8)}`,
            onEvent: sinks.topics,
          })
        : null,
    queues:
      needs.queues && amqp
        ? createAmqpTransport({
            url: amqp.url,
            credentials: amqp.credentials,
            ca: amqp.ca,
            onEvent: sinks.queues,
          })
        : null,
  };
}
