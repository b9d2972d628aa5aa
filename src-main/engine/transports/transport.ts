/**
 * The two messaging shapes a flow uses, each served by an embedded (in-process) adapter
 * and a real-broker adapter (kafkajs, amqplib). Adapters know nothing about runs,
 * traces or the UI: they report through the `onEvent` sink given at construction.
 */

export interface OutgoingMessage {
  key?: string;
  /** AMQP message-id; the adapter makes one when absent. Kafka ignores it. */
  messageId?: string;
  /** AMQP content-type, e.g. application/json. */
  contentType?: string;
  headers: Record<string, string>;
  payload: Buffer;
}

export interface SendReceipt {
  partition?: number;
  offset?: string;
  /** A mandatory publish the broker returned: no binding matched. */
  unroutable?: boolean;
  /** This one message was refused (nacked, or failed) while others of its batch went through. */
  error?: string;
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
  /** AMQP: the message-id property, the exchange it was published to and its routing key. */
  messageId?: string;
  exchange?: string;
  routingKey?: string;
  contentType?: string;
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

/* ---------------------------------------------------------------------------------------
 * Exchange-shaped: RabbitMQ's exchanges, bindings and queue arguments. A QueueTransport
 * that also routes through exchanges; served by amqplib and by the embedded emulation.
 * ------------------------------------------------------------------------------------- */

export type ExchangeKind = 'direct' | 'topic' | 'fanout' | 'headers';

export interface ExchangeSpec {
  exchange: string;
  type: ExchangeKind;
  durable: boolean;
}

/** What happens when a queue with `maxLength` is full (RabbitMQ's x-overflow). */
export type QueueOverflow = 'drop-head' | 'reject-publish' | 'reject-publish-dlx';

export interface QueueSpec {
  queue: string;
  durable: boolean;
  /** Default classic. Quorum queues are always durable. */
  queueType?: 'classic' | 'quorum';
  /** x-message-ttl; 0 or absent keeps messages until consumed. */
  messageTtlMs?: number;
  /** x-max-length; 0 or absent means unbounded. */
  maxLength?: number;
  /** x-overflow; only meaningful with maxLength. Default drop-head. */
  overflow?: QueueOverflow;
  /** x-dead-letter-exchange; '' (with a routing key) is the default exchange, i.e. a queue. */
  deadLetterExchange?: string;
  /** x-dead-letter-routing-key; with deadLetterExchange '' it names the dead-letter queue. */
  deadLetterRoutingKey?: string;
  /**
   * Failed deliveries after which a message is dead-lettered (or dropped without a DLX).
   * Quorum: the broker's x-delivery-limit. Classic: counted by the adapter. 0 = no limit.
   */
  maxDeliveries?: number;
}

/** A binding from an exchange to a queue or another exchange. */
export interface BindingSpec {
  exchange: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  /** Direct: the routing key; topic: the pattern (`*` one word, `#` zero or more). */
  routingKey?: string;
  /** Headers exchanges: the headers to match, all or any. */
  headerMatch?: { xMatch: 'all' | 'any'; headers: Record<string, string> };
}

/** A message published to an exchange. */
export interface ExchangeMessage extends OutgoingMessage {
  routingKey: string;
}

/** What became of one published message; `error` says why when it is not 'confirmed'. */
export type PublishOutcome =
  | { messageId: string; status: 'confirmed' }
  | { messageId: string; status: 'unroutable' | 'nacked' | 'failed'; error: string };

export interface PublishOptions {
  /** Ask the broker to return messages no queue takes (reported as 'unroutable'). Default true. */
  mandatory?: boolean;
  /** delivery-mode 2 (kept across a broker restart in durable queues). Default true. */
  persistent?: boolean;
}

export interface ExchangePublisher extends Closable {
  /**
   * Publishes a batch (written back to back, then confirmed together) and resolves with
   * one outcome per message, in order. Rejects only when the publisher is closed.
   */
  publishTo(
    exchange: string,
    messages: ExchangeMessage[],
    options?: PublishOptions,
  ): Promise<PublishOutcome[]>;
}

export interface ExchangeDelivery extends QueueDelivery {
  /** basic.reject: like nack, for one message. */
  reject(requeue: boolean): void;
}

export interface ExchangeTransport extends QueueTransport {
  ensureExchange(spec: ExchangeSpec): Promise<void>;
  ensureQueue(spec: QueueSpec): Promise<void>;
  bind(spec: BindingSpec): Promise<void>;
  createExchangePublisher(): Promise<ExchangePublisher>;
  consume(options: {
    queue: string;
    prefetch: number;
    onMessage: (delivery: ExchangeDelivery) => Promise<void>;
  }): Promise<Closable>;
}
