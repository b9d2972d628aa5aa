import type { FlowEdge, FlowNode } from '@shared/flow/document';
import type { CompiledContract } from '../../contracts/contract-types';
import type { Closable, IncomingMessage } from '../../transports/transport';
import { ACK, deliverTo, fromIncoming, type DeliverySource, type Outcome } from '../graph/deliver-to';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import type { NodeActor, Settle } from '../graph/node-actor';
import { recordHop } from '../graph/record-hop';
import { TopicChannel } from './topic-channel';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** How a reading node joins the channels it reads. */
export interface ReadingOptions {
  groupId: string;
  members: number;
  fromBeginning: boolean;
  commit?: 'auto' | 'manual';
  batchSize?: number;
}

type Member = Closable & { restart?(): Promise<void>; state?(): { state: string } };

/**
 * A node that handles messages: from the channels connected into it (subscribing through
 * their broker on listen) and from upstream nodes in-process. Subclasses only say what
 * handling a message means.
 */
export abstract class ReadingNode<N extends FlowNode = FlowNode> implements NodeActor {
  private readonly closables: Closable[] = [];
  private readonly members: Member[] = [];

  constructor(
    readonly node: N,
    protected readonly graph: FlowGraph,
  ) {}

  /** Handles one message; `source` says which channel (or upstream node) it came from. */
  protected abstract work(message: FlowMessage, source: DeliverySource): Promise<Outcome>;

  /** Every reader but a consumer is a group of one named after the node. */
  readingOptions(): ReadingOptions {
    return { groupId: `flowbench.${this.node.config.name}`, members: 1, fromBeginning: true };
  }

  async listen(): Promise<void> {
    const ctx = this.graph.ctx;
    const channels = this.graph.channelsInto(this.node.id).filter((c) => !c.failed);
    if (channels.length === 0) {
      if (this.graph.incoming(this.node.id).length > 0) ctx.stats.setStatus(this.node.id, 'running');
      return;
    }
    const options = this.readingOptions();
    try {
      for (const channel of channels) {
        const source: DeliverySource = {
          nodeId: channel.node.id,
          destination: channel.destination,
          transport: channel.transport,
        };
        const members = await channel.subscribe({
          reader: this.node,
          ...options,
          onMessage: (message, settle) => {
            const m = fromIncoming(ctx, message);
            if (channel.contract) this.checkContract(channel.contract, source, m);
            return this.handle(source, m, settle, message);
          },
        });
        this.members.push(...members);
        this.closables.push(...members);
        if (channel instanceof TopicChannel) {
          this.closables.push(
            channel.watchLag(
              options.groupId,
              (lag) => ctx.stats.setGauge(this.node.id, 'lag', lag),
              () => ctx.stats.setGauge(this.node.id, 'lag', undefined),
            ),
          );
        }
      }
      ctx.stats.setStatus(this.node.id, 'running');
    } catch (err) {
      ctx.fail([this.node.id], channels[0].transport, errorText(err));
    }
  }

  async accept(messages: FlowMessage[], edge: FlowEdge): Promise<void> {
    const from = this.graph.node(edge.source);
    const source: DeliverySource = {
      nodeId: edge.source,
      destination: from?.config.name ?? edge.source,
      transport: 'inproc',
    };
    for (const m of messages) await this.handle(source, m);
  }

  /** Flags a delivery that breaks its channel's contract, on the node and in the trace. */
  private checkContract(contract: CompiledContract, source: DeliverySource, message: FlowMessage): void {
    const result = contract.check(message.payload);
    if (result.ok) return;
    const ctx = this.graph.ctx;
    const list = result.errors.map((v) => (v.path ? `${v.path}: ${v.message}` : v.message)).join('; ');
    const error = `breaks the contract of ${source.destination}: ${list}`;
    recordHop(ctx, this.node, 'invalid', message, {
      transport: source.transport,
      destination: source.destination,
      error,
    });
    ctx.stats.add(this.node.id, 'invalid');
    ctx.log('warning', this.node.id, `a message ${error}`);
  }

  /** One delivery, through the node's injected faults when it has any. */
  private async handle(
    source: DeliverySource,
    message: FlowMessage,
    settle?: Settle,
    position?: Pick<IncomingMessage, 'partition' | 'offset' | 'redelivered'>,
  ): Promise<void> {
    const ctx = this.graph.ctx;
    const work = (m: FlowMessage): Promise<Outcome> => this.work(m, source);
    const injector = this.graph.faults?.at(this.node.id);
    if (!injector) return deliverTo(ctx, this.node, source, message, work, settle, position);
    let pending = settle;
    const once = (): Settle | undefined => {
      const s = pending;
      pending = undefined;
      return s;
    };
    const at = { transport: source.transport, destination: source.destination };
    for (const d of injector.decide(message)) {
      if (d.action === 'deliver') {
        if (d.delayMs > 0) await ctx.sleep(d.delayMs);
        await deliverTo(ctx, this.node, source, d.message, work, once(), position, d.fault);
      } else if (d.action === 'error') {
        const requeue = d.error.protocol === 'amqp' && d.error.requeue;
        const failed = async (m: FlowMessage): Promise<Outcome> => {
          if (await this.recoverInjected(m, `injected: ${d.error.message}`)) return ACK;
          // Retry with backoff: the failed delivery is held before it goes back to the queue.
          const holdMs = requeue ? this.retryDelayMs(m) : 0;
          if (holdMs > 0) await ctx.sleep(holdMs);
          return { settle: 'nack', requeue, error: `injected: ${d.error.message}` };
        };
        await deliverTo(ctx, this.node, source, d.message, failed, once(), position, d.fault);
      } else {
        // Dropped, or held back to come later (reorder): taken off the broker now.
        recordHop(ctx, this.node, d.action === 'drop' ? 'drop' : 'fault', d.message, {
          ...at,
          fault: d.fault,
        });
        ctx.stats.add(source.nodeId, 'sent');
        once()?.ack();
      }
    }
  }

  /** How long to hold a failed delivery before it is requeued (consumers with a retry backoff). */
  protected retryDelayMs(_message: FlowMessage): number {
    return 0;
  }

  /**
   * A node whose steps turn failures into messages (a recover step) answers an injected
   * error that way too; true when it did, so the delivery is settled as handled.
   */
  protected async recoverInjected(_message: FlowMessage, _reason: string): Promise<boolean> {
    return false;
  }

  /** Messages a reorder fault held back, delivered now (their broker delivery was settled). */
  releaseHeld(source: DeliverySource, messages: FlowMessage[]): void {
    for (const m of messages)
      void deliverTo(this.graph.ctx, this.node, source, m, (x) => this.work(x, source));
  }

  /** Restarts members that stopped (a Kafka consumer crash); the node is healthy again after. */
  async restart(): Promise<number> {
    const stopped = this.members.filter((m) => m.state?.().state === 'crashed');
    for (const m of stopped) await m.restart?.();
    if (stopped.length > 0) this.graph.ctx.stats.recover(this.node.id);
    return stopped.length;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.closables.splice(0).map((c) => c.close()));
  }
}
