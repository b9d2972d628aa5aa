import type { FlowEdge, FlowNode } from '@shared/flow/document';
import type { Transport } from '@shared/trace/events';
import type { Closable, IncomingMessage, SendReceipt } from '../../transports/transport';
import type { CompiledContract } from '../../contracts/contract-types';
import type { FlowMessage } from './flow-message';

/**
 * One node of a running flow. A run drives every actor through the same phases, so
 * topology exists before anyone reads and readers are listening before anyone sends:
 * prepare (declare topics/queues, host servers) → listen (subscribe) → run (send, call,
 * tick) → close. Every phase is optional.
 */
export interface NodeActor {
  readonly node: FlowNode;
  prepare?(): Promise<void>;
  listen?(): Promise<void>;
  /** Sources resolve when they are done (count reached) or the run stops. */
  run?(): Promise<void>;
  /** A message handed over in-process by an upstream node along `edge`. */
  accept?(messages: FlowMessage[], edge: FlowEdge): Promise<void>;
  close?(): Promise<void>;
}

/** How a delivery is settled: queues ack or nack; topics mark the offset processed. */
export interface Settle {
  ack(): void;
  nack(requeue: boolean): void;
}

/** What a reader asks of the channel it reads from. */
export interface ReaderSpec {
  reader: FlowNode;
  /** Kafka group id; readers of one group share the topic's partitions. */
  groupId: string;
  members: number;
  fromBeginning: boolean;
  /** Kafka: commit after each handled message/batch ('manual') or on kafkajs's schedule. */
  commit?: 'auto' | 'manual';
  /** Kafka: hand messages over a batch at a time (handled in order), up to batchSize. */
  batchSize?: number;
  onMessage: (message: IncomingMessage, settle: Settle) => Promise<void>;
}

/**
 * A node messages wait in (Kafka topic, RabbitMQ queue or exchange). Upstream nodes
 * publish into it; readers subscribe to it through the broker, never in-process, so broker
 * semantics (partitions, groups, competing consumers, acks) are the real ones.
 */
export interface ChannelActor extends NodeActor {
  readonly channel: true;
  /** Topic, queue or exchange name as the broker knows it. */
  readonly destination: string;
  readonly transport: Transport;
  /** Set when the channel could not be created: nobody publishes into it or reads it. */
  failed?: string;
  /** Its message contract: payloads are encoded to it on the way in and checked on delivery. */
  contract?: CompiledContract;
  /** Publishes a batch; receipts are in order (partition/offset where the broker gives them). */
  publish(messages: FlowMessage[], edge: FlowEdge, from: FlowNode): Promise<SendReceipt[]>;
  subscribe(spec: ReaderSpec): Promise<Array<Closable & { restart?(): Promise<void>; member?: string }>>;
  /** Deliveries each published message gets (one per group on a topic, one on a queue). */
  fanOut: number;
}

export function isChannel(actor: NodeActor | undefined): actor is ChannelActor {
  return (actor as ChannelActor | undefined)?.channel === true;
}
