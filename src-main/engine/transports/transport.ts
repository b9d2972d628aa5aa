/**
 * The two messaging shapes a flow uses, each served by an embedded (in-process) adapter
 * and a real-broker adapter (kafkajs, amqplib). Adapters know nothing about runs,
 * traces or the UI: they report through the `onEvent` sink given at construction.
 */

export interface OutgoingMessage {
  key?: string;
  headers: Record<string, string>;
  payload: Buffer;
}

export interface SendReceipt {
  partition?: number;
  offset?: string;
  /** A mandatory publish the broker returned: no binding matched. */
  unroutable?: boolean;
}

export interface IncomingMessage {
  destination: string;
  key?: string;
  headers: Record<string, string>;
  payload: Buffer;
  partition?: number;
  offset?: string;
  /** True when the broker says this is a redelivery. */
  redelivered?: boolean;
}

/** Something a run owns and must close on Stop. */
export interface Closable {
  close(): Promise<void>;
}

/** Events an adapter reports about its connections, outside any single call. */
export type TransportEvent =
  | { type: 'connection-lost'; error: string }
  | { type: 'reconnected' }
  | { type: 'consumer-crashed'; groupId: string; error: string }
  | { type: 'rebalance'; groupId: string; detail: string };

export type TransportEventSink = (event: TransportEvent) => void;

/** Kafka-shaped: partitioned topics, consumer groups sharing partitions. */
export interface TopicTransport extends Closable {
  readonly transport: 'kafka' | 'embedded';
  /** Creates the topic when absent (with its partitions); succeeds when it exists. */
  ensureTopic(spec: { topic: string; partitions: number }): Promise<void>;
  createProducer(): Promise<TopicProducer>;
  /** Starts one group member; messages of a partition arrive in order, one at a time. */
  subscribe(options: {
    topic: string;
    groupId: string;
    fromBeginning: boolean;
    onMessage: (message: IncomingMessage) => Promise<void>;
  }): Promise<Closable>;
}

export interface TopicProducer extends Closable {
  /** Sends a batch in one request; receipts are in the order of `messages`. */
  send(topic: string, messages: OutgoingMessage[]): Promise<SendReceipt[]>;
}

/** Queue-shaped: point to point with acks (RabbitMQ default exchange). */
export interface QueueTransport extends Closable {
  readonly transport: 'amqp' | 'embedded';
  ensureQueue(spec: { queue: string; durable: boolean }): Promise<void>;
  createPublisher(): Promise<QueuePublisher>;
  /** One competing consumer with manual ack and the given prefetch. */
  consume(options: {
    queue: string;
    prefetch: number;
    onMessage: (delivery: QueueDelivery) => Promise<void>;
  }): Promise<Closable>;
}

export interface QueuePublisher extends Closable {
  /** Publishes a batch and resolves once the broker has confirmed every message. */
  publish(queue: string, messages: OutgoingMessage[]): Promise<void>;
}

export interface QueueDelivery {
  message: IncomingMessage;
  ack(): void;
  nack(requeue: boolean): void;
}
