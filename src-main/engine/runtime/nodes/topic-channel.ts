import type { FlowNode } from '@shared/flow/document';
import type { Transport } from '@shared/trace/events';
import type { FlowEdge } from '@shared/flow/document';
import type {
  Closable,
  SendReceipt,
  TopicMember,
  TopicProducer,
  TopicProducerOptions,
  TopicTransport,
} from '../../transports/transport';
import { pollLag } from '../../transports/lag-poller';
import type { FlowMessage } from '../graph/flow-message';
import type { ChannelActor, ReaderSpec } from '../graph/node-actor';
import { toOutgoing } from '../graph/publish-into';
import type { SharedClient } from './shared-client';

/** A Kafka topic node (or its embedded twin): created on prepare, read by consumer groups. */
export class TopicChannel implements ChannelActor {
  readonly channel = true;
  readonly destination: string;
  fanOut = 0;

  constructor(
    readonly node: FlowNode<'kafkaTopic'>,
    readonly transport: Transport,
    private readonly topics: TopicTransport,
    private readonly producerFor: (options: TopicProducerOptions) => SharedClient<TopicProducer>,
  ) {
    this.destination = node.config.topic;
  }

  async prepare(): Promise<void> {
    const c = this.node.config;
    await this.topics.ensureTopic({
      topic: this.destination,
      partitions: c.partitions,
      replicationFactor: c.replicationFactor,
      retentionMs: c.retentionMs,
      cleanupPolicy: c.cleanupPolicy,
      maxMessageBytes: c.maxMessageBytes,
    });
  }

  /** Sends with the options of the producer node on the edge (acks, compression, partitioner…). */
  async publish(messages: FlowMessage[], _edge: FlowEdge, from: FlowNode): Promise<SendReceipt[]> {
    const p = from.kind === 'producer' ? (from as FlowNode<'producer'>).config : null;
    const options: TopicProducerOptions = p
      ? {
          acks: p.acks,
          compression: p.compression,
          idempotent: p.idempotent,
          partitioner: p.partitioner === 'explicit' ? 'murmur2' : p.partitioner,
        }
      : {};
    const producer = await this.producerFor(options).get();
    const outgoing = toOutgoing(messages);
    if (p?.partitioner === 'explicit') for (const m of outgoing) m.partition = p.partition;
    return producer.send(this.destination, outgoing);
  }

  /** Polls each reading group's lag while the run goes; readings land on the group's node. */
  watchLag(groupId: string, onLag: (total: number) => void, onError: (err: unknown) => void): Closable {
    return pollLag(this.topics, {
      topic: this.destination,
      groupId,
      intervalMs: 1000,
      onLag: (rows) => onLag(rows.reduce((sum, r) => sum + r.lag, 0)),
      onError,
    });
  }

  /** Starts the group's members together, so the group settles in one rebalance, not one per member. */
  async subscribe(spec: ReaderSpec): Promise<TopicMember[]> {
    const base = {
      topic: this.destination,
      groupId: spec.groupId,
      fromBeginning: spec.fromBeginning,
      commit: spec.commit,
    };
    const started = await Promise.allSettled(
      Array.from({ length: spec.members }, () =>
        this.topics.subscribe(
          spec.batchSize
            ? {
                ...base,
                batchSize: spec.batchSize,
                onBatch: async (batch) => {
                  for (const message of batch) await spec.onMessage(message, NO_SETTLE);
                },
              }
            : { ...base, onMessage: (message) => spec.onMessage(message, NO_SETTLE) },
        ),
      ),
    );
    const members = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.allSettled(members.map((m) => m.close()));
      throw failed.reason;
    }
    return members;
  }
}

/** Kafka commits offsets per partition as the handler resolves; there is nothing to settle per message. */
const NO_SETTLE = { ack: () => {}, nack: () => {} };
