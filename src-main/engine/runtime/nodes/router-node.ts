import type { FlowNode } from '@shared/flow/document';
import { compilePredicate, type Predicate } from '@shared/flow/expressions/predicate';
import { ROUTER_ELSE } from '@shared/flow/kinds/routing';
import { viewOf } from '../../behaviour/behaviour-message';
import { ACK, type Outcome } from '../graph/deliver-to';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import { recordHop } from '../graph/record-hop';
import { nodePipeline, toBehaviour, type NodePipeline } from './node-pipeline';
import { ReadingNode } from './reading-node';

/** Counts router passes, so `maxHops` can stop a message circling through routers. */
export const HOPS_HEADER = 'x-flowbench-hops';

/**
 * Sends each message out of the first route whose predicate holds (its edges leave that
 * route's handle), else out of "else". A message leaving by an output nothing is connected
 * to, or over the hop limit, is recorded as dropped, with the reason.
 */
export class RouterNode extends ReadingNode<FlowNode<'router'>> {
  private readonly routes: Array<{ output: string; when: Predicate }>;
  private readonly pipeline: NodePipeline | null;

  constructor(node: FlowNode<'router'>, graph: FlowGraph) {
    super(node, graph);
    this.routes = node.config.routes.map((r) => ({ output: r.output, when: compilePredicate(r.when) }));
    this.pipeline = nodePipeline(
      graph,
      node,
      node.config.behaviours,
      'http',
      (late) => void this.routeAll(late),
    );
  }

  protected async work(message: FlowMessage): Promise<Outcome> {
    const messages = this.pipeline ? await this.pipeline.process(message) : [message];
    await this.routeAll(messages);
    return ACK;
  }

  private async routeAll(messages: FlowMessage[]): Promise<void> {
    for (const m of messages) await this.route(m);
  }

  private async route(message: FlowMessage): Promise<void> {
    const hops = Number(message.headers[HOPS_HEADER] ?? 0) + 1;
    const max = this.node.config.maxHops;
    if (max > 0 && hops > max) {
      this.drop(message, `passed through ${hops - 1} routers (max hops ${max})`);
      return;
    }
    const view = viewOf(toBehaviour(message));
    const chosen = this.routes.find((r) => r.when.test(view))?.output ?? ROUTER_ELSE;
    const edges = this.graph.outgoing(this.node.id).filter((e) => (e.sourceHandle ?? ROUTER_ELSE) === chosen);
    if (edges.length === 0) {
      this.drop(message, `route "${chosen}" is not connected`);
      return;
    }
    const out = { ...message, headers: { ...message.headers, [HOPS_HEADER]: String(hops) } };
    await this.graph.emitAlong(this.node, edges, [out]);
  }

  private drop(message: FlowMessage, why: string): void {
    recordHop(this.graph.ctx, this.node, 'drop', message, {
      transport: 'inproc',
      destination: this.node.config.name,
      error: why,
    });
  }

  override async close(): Promise<void> {
    const rest = (await this.pipeline?.flush()) ?? [];
    await this.routeAll(rest);
    await super.close();
  }
}
