import type { FlowDocument, FlowEdge, FlowNode } from '@shared/flow/document';
import type { RunContext } from '../run-context';
import type { FlowMessage } from './flow-message';
import { isChannel, type ChannelActor, type NodeActor } from './node-actor';
import type { FaultPoints } from './fault-points';
import { publishInto } from './publish-into';
import { publishDecisions } from './publish-with-faults';

/**
 * The actors of one run and the edges between them. `emit` is how any node passes messages
 * on: into a channel through its broker (a produce span each), or in-process to a reading
 * node (which records its own deliver span).
 */
export class FlowGraph {
  readonly actors = new Map<string, NodeActor>();
  private readonly out = new Map<string, FlowEdge[]>();
  private readonly into = new Map<string, FlowEdge[]>();

  /** Injected faults of nodes and edges; set by the run before anything sends. */
  faults: FaultPoints | null = null;

  constructor(
    readonly ctx: RunContext,
    readonly flow: FlowDocument,
  ) {
    for (const e of flow.edges) {
      this.out.set(e.source, [...(this.out.get(e.source) ?? []), e]);
      this.into.set(e.target, [...(this.into.get(e.target) ?? []), e]);
    }
  }

  node(id: string): FlowNode | undefined {
    return this.actors.get(id)?.node ?? this.flow.nodes.find((n) => n.id === id);
  }

  outgoing(nodeId: string): FlowEdge[] {
    return this.out.get(nodeId) ?? [];
  }

  incoming(nodeId: string): FlowEdge[] {
    return this.into.get(nodeId) ?? [];
  }

  /** Channels this node reads from, in edge order. */
  channelsInto(nodeId: string): ChannelActor[] {
    return this.incoming(nodeId)
      .map((e) => this.actors.get(e.source))
      .filter(isChannel);
  }

  /** Ids of the nodes one edge away, either direction. */
  neighbours(nodeId: string): string[] {
    return [...this.incoming(nodeId).map((e) => e.source), ...this.outgoing(nodeId).map((e) => e.target)];
  }

  /**
   * Passes messages from `from` along each outgoing edge (only those leaving `output` when
   * given, e.g. a router's route). Resolves when every channel has the batch and every
   * in-process reader has handled it; false when some broker refused it.
   */
  async emit(from: FlowNode, messages: FlowMessage[], output?: string): Promise<boolean> {
    const edges = this.outgoing(from.id).filter(
      (edge) => output === undefined || (edge.sourceHandle ?? null) === output,
    );
    return this.emitAlong(from, edges, messages);
  }

  /** Passes messages along the given edges of `from` (a router's chosen route). */
  async emitAlong(from: FlowNode, edges: FlowEdge[], messages: FlowMessage[]): Promise<boolean> {
    if (messages.length === 0) return true;
    let ok = true;
    for (const edge of edges) {
      const target = this.actors.get(edge.target);
      if (!target) continue;
      if (isChannel(target)) {
        const injector = this.faults?.at(edge.id) ?? this.faults?.at(target.node.id);
        ok =
          (injector
            ? await publishDecisions(
                this.ctx,
                from,
                target,
                edge,
                messages.flatMap((m) => injector.decide(m)),
              )
            : await publishInto(this.ctx, from, target, edge, messages)) && ok;
      } else if (target.accept) await target.accept(messages, edge);
    }
    return ok;
  }
}
