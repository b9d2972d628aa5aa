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
  /** Kafka: send to this partition, whatever the partitioner would choose. */
  partition?: number;
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
  | {
      type: 'consumer-crashed';
      groupId: string;
      /** The member's stable label (`<groupId>#<n>`), as in `TopicMember.member`. */
      member?: string;
      error: string;
      /** True when the client restarts the member itself; false means it stays stopped until `restart()`. */
      restarting?: boolean;
    }
  | {
      type: 'rebalance';
      groupId: string;
      detail: string;
      member?: string;
      /** Partitions of the subscribed topic this member holds after the join. */
      partitions?: number[];
    };

export type TransportEventSink = (event: TransportEvent) => void;

/** A topic and the settings it is created with; settings an adapter cannot honour are ignored. */
export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Copies of each partition; -1 (default) takes the cluster's default. */
  replicationFactor?: number;
  /** retention.ms: -1 keeps messages forever. */
  retentionMs?: number;
  /** cleanup.policy. */
  cleanupPolicy?: 'delete' | 'compact' | 'compact,delete';
  /** max.message.bytes: the largest record batch the topic accepts. */
  maxMessageBytes?: number;
}

/** How a topic producer sends. Every field has the default shown. */
export interface TopicProducerOptions {
  /** 'murmur2' (default): by key hash like the Java client, keyless spread; 'round-robin' ignores keys. */
  partitioner?: 'murmur2' | 'round-robin';
  /** all (default): every in-sync replica; leader: the leader only; none: fire and forget. */
  acks?: 'all' | 'leader' | 'none';
  compression?: 'none' | 'gzip' | 'snappy';
  /** Exactly-once per partition within a session; requires acks 'all'. */
  idempotent?: boolean;
}

/** One member's settings; exactly one of `onMessage` / `onBatch` is given. */
export type TopicSubscription = {
  topic: string;
  groupId: string;
  fromBeginning: boolean;
  /**
   * 'auto' (default): the client commits periodically and on close. 'manual': each record's
   * offset is committed right after its handler resolves, so a record whose handler failed
   * or never finished is delivered again.
   */
  commit?: 'auto' | 'manual';
} & (
  | { onMessage: (message: IncomingMessage) => Promise<void>; onBatch?: undefined }
  | {
      /** Records of one partition, in order, up to `batchSize` at a time (default 100). */
      onBatch: (messages: IncomingMessage[]) => Promise<void>;
      batchSize?: number;
      onMessage?: undefined;
    }
);

/** State of one group member as a user would read it. */
export type MemberState = { state: 'running' } | { state: 'crashed'; error: string } | { state: 'closed' };

/** One consumer group member a run owns. */
export interface TopicMember extends Closable {
  /** Stable label `<groupId>#<n>`, used in its events. */
  readonly member: string;
  state(): MemberState;
  /** Starts a stopped (crashed) member again from the group's committed offsets; resolves once it joined. */
  restart(): Promise<void>;
}

/** Where a group stands on one partition; offsets are decimal strings (they pass 2^53). */
export interface PartitionLag {
  partition: number;
  /** Next offset the group will read, or null when it never committed on this partition. */
  committed: string | null;
  /** The partition's end (high watermark). */
  end: string;
  /** Records the group has yet to read: end − committed (end − start when nothing was committed). */
  lag: number;
}

/** Kafka-shaped: partitioned topics, consumer groups sharing partitions. */
export interface TopicTransport extends Closable {
  readonly transport: 'kafka' | 'embedded';
  /** Creates the topic when absent (with its partitions and settings); succeeds when it exists. */
  ensureTopic(spec: TopicSpec): Promise<void>;
  createProducer(options?: TopicProducerOptions): Promise<TopicProducer>;
  /** Starts one group member; messages of a partition arrive in order. */
  subscribe(options: TopicSubscription): Promise<TopicMember>;
  /** The group's position on every partition of the topic. */
  lag(spec: { topic: string; groupId: string }): Promise<PartitionLag[]>;
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
