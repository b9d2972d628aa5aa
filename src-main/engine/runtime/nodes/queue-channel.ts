import type { FlowNode } from '@shared/flow/document';
import type { Transport } from '@shared/trace/events';
import type {
  Closable,
  ExchangePublisher,
  ExchangeTransport,
  OutgoingMessage,
  QueueSpec,
  SendReceipt,
} from '../../transports/transport';
import type { FlowMessage } from '../graph/flow-message';
import type { ChannelActor, ReaderSpec } from '../graph/node-actor';
import { receiptsOf } from './publish-outcomes';
import type { SharedClient } from './shared-client';

/** A RabbitMQ queue node (or its embedded twin): declared on prepare, read by competing consumers. */
export class QueueChannel implements ChannelActor {
  readonly channel = true;
  readonly destination: string;
  fanOut = 0;

  constructor(
    readonly node: FlowNode<'rabbitQueue'>,
    readonly transport: Transport,
    /** The broker (or embedded twin) behind the queue; read by redrive as well. */
    readonly queues: ExchangeTransport,
    readonly publisher: SharedClient<ExchangePublisher>,
    readonly spec: QueueSpec,
  ) {
    this.destination = node.config.queue;
  }

  async prepare(): Promise<void> {
    await this.queues.ensureQueue(this.spec);
  }

  async publish(messages: FlowMessage[]): Promise<SendReceipt[]> {
    const publisher = await this.publisher.get();
    // Through the default exchange, whose routing key is the queue's name.
    const routingKey = this.destination;
    // Persisted only into a durable queue (a transient one loses them on restart anyway):
    // persisting costs the broker a disk write per message.
    const persistent = this.spec.durable || this.spec.queueType === 'quorum';
    const outgoing = new Array<OutgoingMessage & { routingKey: string }>(messages.length);
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i];
      outgoing[i] = { key: m.key, headers: m.headers, payload: m.payload, routingKey };
    }
    const outcomes = await publisher.publishTo('', outgoing, { mandatory: true, persistent });
    return receiptsOf(outcomes);
  }

  async subscribe(spec: ReaderSpec): Promise<Closable[]> {
    const started = await Promise.allSettled(
      Array.from({ length: spec.members }, () =>
        this.queues.consume({
          queue: this.destination,
          prefetch: this.node.config.prefetch,
          onMessage: (delivery) => spec.onMessage(delivery.message, delivery),
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
