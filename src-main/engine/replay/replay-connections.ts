import type { RunEnvironment } from '../environments/run-environment';
import { createAmqpTransport } from '../transports/amqp/amqp-transport';
import { createKafkaTransport } from '../transports/kafka/kafka-transport';
import type {
  ExchangePublisher,
  ExchangeTransport,
  TopicProducer,
  TopicTransport,
} from '../transports/transport';

/**
 * The broker clients of one replay, made on first use (a dry run makes none) and all
 * closed at its end. They use the environment's brokers, so no run is needed.
 */
export class ReplayConnections {
  private topics: TopicTransport | null = null;
  private queues: ExchangeTransport | null = null;
  private producer: Promise<TopicProducer> | null = null;
  private publisher: Promise<ExchangePublisher> | null = null;

  constructor(
    private readonly env: () => Promise<RunEnvironment>,
    private readonly label: string,
  ) {}

  kafkaProducer(): Promise<TopicProducer> {
    this.producer ??= this.env().then((env) => {
      if (env.kind !== 'brokers' || !env.kafka)
        throw new Error(`the environment "${env.label}" has no Kafka brokers to replay to`);
      this.topics = createKafkaTransport({
        brokers: env.kafka.brokers,
        ssl: env.kafka.ssl,
        sasl: env.kafka.sasl,
        clientId: `flowbench-${this.label}`,
        onEvent: () => undefined,
      });
      return this.topics.createProducer({ acks: 'all' });
    });
    return this.producer;
  }

  amqpPublisher(): Promise<ExchangePublisher> {
    this.publisher ??= this.env().then((env) => {
      if (env.kind !== 'brokers' || !env.amqp)
        throw new Error(`the environment "${env.label}" has no RabbitMQ broker to replay to`);
      this.queues = createAmqpTransport({
        url: env.amqp.url,
        credentials: env.amqp.credentials,
        ca: env.amqp.ca,
        onEvent: () => undefined,
      });
      return this.queues.createExchangePublisher();
    });
    return this.publisher;
  }

  /** Connects the client a transport needs now, so a broker that is down fails the start. */
  async warm(transport: string): Promise<void> {
    if (transport === 'kafka') await this.kafkaProducer();
    if (transport === 'amqp') await this.amqpPublisher();
  }

  async close(): Promise<void> {
    const closing: Array<Promise<unknown>> = [];
    if (this.producer) closing.push(this.producer.then((p) => p.close()));
    if (this.publisher) closing.push(this.publisher.then((p) => p.close()));
    await Promise.allSettled(closing);
    await Promise.allSettled([this.topics?.close(), this.queues?.close()]);
  }
}
