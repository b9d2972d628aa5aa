import type { FlowEdge, FlowNode } from '@shared/flow/document';
import type { Closable } from '../../transports/transport';
import { deliverTo, fromIncoming, type Outcome } from '../graph/deliver-to';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import type { NodeActor } from '../graph/node-actor';
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

  protected abstract work(message: FlowMessage): Promise<Outcome>;

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
        const source = {
          nodeId: channel.node.id,
          destination: channel.destination,
          transport: channel.transport,
        };
        const members = await channel.subscribe({
          reader: this.node,
          ...options,
          onMessage: (message, settle) =>
            deliverTo(
              ctx,
              this.node,
              source,
              fromIncoming(ctx, message),
              (m) => this.work(m),
              settle,
              message,
            ),
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
    const source = {
      nodeId: edge.source,
      destination: from?.config.name ?? edge.source,
      transport: 'inproc' as const,
    };
    for (const m of messages) await deliverTo(this.graph.ctx, this.node, source, m, (x) => this.work(x));
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
