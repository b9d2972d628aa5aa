import type { FlowNode } from '@shared/flow/document';
import type { CompiledTemplate } from '../../template/payload-template';
import { parseCron } from '../cron-schedule';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';

/** Emits its payload on an interval or a cron schedule, `count` times (0: until Stop). */
export class TimerNode implements NodeActor {
  constructor(
    readonly node: FlowNode<'timer'>,
    private readonly payload: CompiledTemplate,
    private readonly graph: FlowGraph,
  ) {}

  async run(): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    const cron = c.schedule === 'cron' ? parseCron(c.cron) : null;
    ctx.stats.setStatus(this.node.id, 'running');
    let next = cron ? cron.next(Date.now()) : Date.now() + c.intervalMs;
    for (let seq = 1; (c.count === 0 || seq <= c.count) && next !== null; seq++) {
      while (!ctx.isStopping && Date.now() < next) await ctx.sleep(Math.min(1000, next - Date.now()));
      if (ctx.isStopping) return;
      const payload = Buffer.from(this.payload.render(seq));
      await this.graph.emit(this.node, [{ headers: {}, payload, trace: null }]);
      next = cron ? cron.next(Date.now()) : next + c.intervalMs;
    }
    const s = ctx.stats.get(this.node.id);
    if (s && s.status !== 'error') ctx.stats.setStatus(this.node.id, 'done');
  }
}
