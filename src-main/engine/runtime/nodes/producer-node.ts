import type { FlowNode } from '@shared/flow/document';
import type { CompiledProducer } from '../../compiler/compiled-flow';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import { isChannel, type NodeActor } from '../graph/node-actor';
import type { CompiledContract } from '../../contracts/contract-types';
import { runPaced } from '../pacing';

const MAX_BATCH = 500;

/**
 * Produces a producer's messages at its rate into every connected channel, one batch per
 * due tick. Each message starts its own trace (the produce span is recorded by the graph).
 */
export class ProducerNode implements NodeActor {
  readonly node: FlowNode<'producer'>;

  constructor(
    private readonly compiled: CompiledProducer,
    private readonly graph: FlowGraph,
  ) {
    this.node = compiled.node;
  }

  async run(): Promise<void> {
    const { ctx } = this.graph;
    const node = this.node;
    const live = this.graph.outgoing(node.id).some((e) => {
      const target = this.graph.actors.get(e.target) as { failed?: string } | undefined;
      return target !== undefined && !target.failed;
    });
    if (!live) return;
    ctx.stats.setStatus(node.id, 'running');
    let failedBefore = false;
    await runPaced({
      rate: node.config.rate,
      count: node.config.count,
      maxBatch: MAX_BATCH,
      isStopped: () => ctx.isStopping,
      sleep: ctx.sleep,
      waitWhilePaused: () => ctx.waitWhilePaused(node.id),
      sendBatch: async (firstSeq, n) => {
        const ok = await this.graph.emit(node, this.render(firstSeq, n));
        if (ok && failedBefore) ctx.stats.recover(node.id);
        failedBefore = !ok;
      },
    });
    const c = ctx.stats.get(node.id);
    if (c && c.status !== 'error') ctx.stats.setStatus(node.id, 'done');
  }

  /** The contract fake payloads come from: the first connected channel that declares one. */
  private contract(): CompiledContract | undefined {
    if (!this.node.config.fromContract) return undefined;
    for (const e of this.graph.outgoing(this.node.id)) {
      const target = this.graph.actors.get(e.target);
      if (isChannel(target) && target.contract) return target.contract;
    }
    return undefined;
  }

  private render(firstSeq: number, n: number): FlowMessage[] {
    const { payload, key, headers } = this.compiled;
    const contract = this.contract();
    const out = new Array<FlowMessage>(n);
    for (let i = 0; i < n; i++) {
      const seq = firstSeq + i;
      const h: Record<string, string> = {};
      for (const [name, t] of headers) h[name] = t.render(seq);
      out[i] = {
        key: key?.render(seq) || undefined,
        headers: h,
        payload: Buffer.from(
          contract ? JSON.stringify(contract.toJson(contract.fake(seq))) : payload.render(seq),
        ),
        trace: null,
      };
    }
    return out;
  }
}
