import type { FlowNode } from '@shared/flow/document';
import type { BehaviourSpec } from '@shared/flow/kinds/behaviours';
import type { FaultProtocol } from '../../faults/protocol-error';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import { nodePipeline, type NodePipeline } from './node-pipeline';

/**
 * What a service publishes to the channels it is connected to (one event per answered call),
 * through the service's behaviour steps: transform, filter, split, aggregate, delay, fail, or
 * route to one connected node by name. Without steps, each event goes to every connection.
 */
export class ServiceOutbox {
  private readonly pipeline: NodePipeline | null;

  constructor(
    private readonly graph: FlowGraph,
    private readonly node: FlowNode,
    behaviours: readonly BehaviourSpec[] | undefined,
    protocol: FaultProtocol,
  ) {
    this.pipeline = nodePipeline(graph, node, behaviours, protocol, (late) => void this.send(late));
  }

  /** True when the service has somewhere to publish. */
  get connected(): boolean {
    return this.graph.outgoing(this.node.id).some((e) => this.graph.actors.has(e.target));
  }

  async publish(message: FlowMessage): Promise<void> {
    if (!this.connected) return;
    try {
      await this.send(this.pipeline ? await this.pipeline.process(message) : [message]);
    } catch (err) {
      this.graph.ctx.log('warning', this.node.id, err instanceof Error ? err.message : String(err));
    }
  }

  private async send(messages: Array<FlowMessage & { output?: string }>): Promise<void> {
    const plain = messages.filter((m) => !m.output);
    if (plain.length > 0) await this.graph.emit(this.node, plain);
    for (const m of messages) {
      if (!m.output) continue;
      const edges = this.graph
        .outgoing(this.node.id)
        .filter((e) => this.graph.node(e.target)?.config.name === m.output);
      if (edges.length === 0)
        this.graph.ctx.log('warning', this.node.id, `route "${m.output}" names no connected node`);
      else await this.graph.emitAlong(this.node, edges, [m]);
    }
  }

  /** Open aggregates are published when the run stops, not lost. */
  async flush(): Promise<void> {
    if (this.pipeline) await this.send(await this.pipeline.flush());
  }
}
