import type { FlowNode } from '@shared/flow/document';
import { compilePredicate, type Predicate } from '@shared/flow/expressions/predicate';
import { viewOf } from '../../behaviour/behaviour-message';
import { ACK, type Outcome } from '../graph/deliver-to';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import { recordHop } from '../graph/record-hop';
import { nodePipeline, toBehaviour, type NodePipeline } from './node-pipeline';
import { ReadingNode } from './reading-node';

/**
 * Passes on the messages its predicate keeps (tested on the message as it arrives); the
 * others are recorded as dropped, with why. Its behaviour steps then run on what it kept.
 */
export class FilterNode extends ReadingNode<FlowNode<'filter'>> {
  private readonly when: Predicate;
  private readonly pipeline: NodePipeline | null;

  constructor(node: FlowNode<'filter'>, graph: FlowGraph) {
    super(node, graph);
    this.when = compilePredicate(node.config.when);
    this.pipeline = nodePipeline(
      graph,
      node,
      node.config.behaviours,
      'http',
      (late) => void graph.emit(node, late),
    );
  }

  protected async work(message: FlowMessage): Promise<Outcome> {
    if (!this.when.test(viewOf(toBehaviour(message)))) {
      recordHop(this.graph.ctx, this.node, 'drop', message, {
        transport: 'inproc',
        destination: this.node.config.name,
        error: `filtered out: ${this.node.config.when} is false`,
      });
      return ACK;
    }
    const out = this.pipeline ? await this.pipeline.process(message) : [message];
    await this.graph.emit(this.node, out);
    return ACK;
  }

  /** An injected error on a message it keeps becomes what its recover step makes of it (a failure event). */
  protected override async recoverInjected(message: FlowMessage, reason: string): Promise<boolean> {
    if (!this.pipeline || !this.when.test(viewOf(toBehaviour(message)))) return false;
    const out = await this.pipeline.recover(message, reason);
    if (!out) return false;
    await this.graph.emit(this.node, out);
    return true;
  }

  override async close(): Promise<void> {
    await this.graph.emit(this.node, (await this.pipeline?.flush()) ?? []);
    await super.close();
  }
}
