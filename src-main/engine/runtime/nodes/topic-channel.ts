import type { FlowNode } from '@shared/flow/document';
import type { Transport } from '@shared/trace/events';
import type { Closable, SendReceipt, TopicProducer, TopicTransport } from '../../transports/transport';
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
    private readonly producer: SharedClient<TopicProducer>,
  ) {
    this.destination = node.config.topic;
  }

  async prepare(): Promise<void> {
    await this.topics.ensureTopic({ topic: this.destination, partitions: this.node.config.partitions });
  }

  async publish(messages: FlowMessage[]): Promise<SendReceipt[]> {
    const producer = await this.producer.get();
    return producer.send(this.destination, toOutgoing(messages));
  }

  /** Starts the group's members together, so the group settles in one rebalance, not one per member. */
  async subscribe(spec: ReaderSpec): Promise<Closable[]> {
    const started = await Promise.allSettled(
      Array.from({ length: spec.members }, () =>
        this.topics.subscribe({
          topic: this.destination,
          groupId: spec.groupId,
          fromBeginning: spec.fromBeginning,
          onMessage: (message) => spec.onMessage(message, NO_SETTLE),
        }),
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
