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
    let seq = 1;
    while ((c.count === 0 || seq <= c.count) && next !== null) {
      while (!ctx.isStopping && Date.now() < next) await ctx.sleep(Math.min(1000, next - Date.now()));
      if (ctx.isStopping) return;
      if (ctx.isPaused(this.node.id)) {
        // Ticks missed while paused are skipped, not fired in a burst on resume.
        await ctx.waitWhilePaused(this.node.id);
        next = cron ? cron.next(Date.now()) : Date.now() + c.intervalMs;
        continue;
      }
      const payload = Buffer.from(this.payload.render(seq));
      await this.graph.emit(this.node, [{ headers: {}, payload, trace: null }]);
      seq++;
      next = cron ? cron.next(Date.now()) : next + c.intervalMs;
    }
    const s = ctx.stats.get(this.node.id);
    if (s && s.status !== 'error') ctx.stats.setStatus(this.node.id, 'done');
  }
}
