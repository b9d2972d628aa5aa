import type { FlowEdge, FlowNode } from '@shared/flow/document';
import type { Transport } from '@shared/trace/events';
import type { Closable, ExchangePublisher, ExchangeTransport, SendReceipt } from '../../transports/transport';
import type { FlowMessage } from '../graph/flow-message';
import type { ChannelActor } from '../graph/node-actor';
import { toOutgoing } from '../graph/publish-into';
import { receiptsOf } from './publish-outcomes';
import type { SharedClient } from './shared-client';

/**
 * A RabbitMQ exchange node: declared on prepare, published to with a routing key, routed by
 * the broker through its bindings (the edges leaving it). Nobody reads an exchange; readers
 * read the queues it routes to. Publishes are mandatory, so a message no binding takes is
 * recorded as unroutable instead of vanishing.
 */
export class ExchangeChannel implements ChannelActor {
  readonly channel = true;
  readonly destination: string;
  fanOut = 0;
  failed?: string;

  constructor(
    readonly node: FlowNode<'rabbitExchange'>,
    readonly transport: Transport,
    private readonly exchanges: ExchangeTransport,
    private readonly publisher: SharedClient<ExchangePublisher>,
  ) {
    this.destination = node.config.exchange;
  }

  async prepare(): Promise<void> {
    const c = this.node.config;
    await this.exchanges.ensureExchange({ exchange: c.exchange, type: c.type, durable: c.durable });
  }

  /** The routing key is the publishing edge's, when set, else the message key. */
  async publish(messages: FlowMessage[], edge: FlowEdge): Promise<SendReceipt[]> {
    const publisher = await this.publisher.get();
    const fixed = edge.config?.routingKey;
    const outcomes = await publisher.publishTo(
      this.destination,
      toOutgoing(messages).map((m) => ({ ...m, routingKey: fixed ?? m.key ?? '' })),
    );
    return receiptsOf(outcomes);
  }

  async subscribe(): Promise<Closable[]> {
    throw new Error(`exchange "${this.destination}" cannot be read directly: read a queue bound to it`);
  }
}
