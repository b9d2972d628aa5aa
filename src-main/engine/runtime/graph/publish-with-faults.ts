import type { FlowEdge, FlowNode } from '@shared/flow/document';
import type { InjectedFault } from '@shared/trace/events';
import type { FaultDecision } from '../../faults/fault-injector';
import type { RunContext } from '../run-context';
import type { FlowMessage } from './flow-message';
import type { ChannelActor } from './node-actor';
import { publishInto } from './publish-into';
import { recordHop } from './record-hop';

/**
 * Carries out fault decisions for messages on their way into a channel: delayed ones are
 * published after their delay (earliest first), copies are published too, dropped and held
 * ones are recorded on the channel as `drop` / `fault` spans, injected errors as error spans
 * of the sender. Every span a fault shaped is marked as injected.
 */
export async function publishDecisions(
  ctx: RunContext,
  from: FlowNode,
  channel: ChannelActor,
  edge: FlowEdge,
  decisions: FaultDecision<FlowMessage>[],
): Promise<boolean> {
  const at = { transport: channel.transport, destination: channel.destination };
  const deliveries: Array<{ message: FlowMessage; delayMs: number; fault?: InjectedFault }> = [];
  for (const d of decisions) {
    if (d.action === 'deliver') deliveries.push(d);
    else if (d.action === 'drop') recordHop(ctx, channel.node, 'drop', d.message, { ...at, fault: d.fault });
    else if (d.action === 'hold') recordHop(ctx, channel.node, 'fault', d.message, { ...at, fault: d.fault });
    else {
      recordHop(ctx, from, 'error', d.message, { ...at, error: d.error.message, fault: d.fault });
      ctx.stats.add(from.id, 'errors');
      ctx.log('warning', from.id, `injected: ${d.error.message}`);
    }
  }
  deliveries.sort((a, b) => a.delayMs - b.delayMs);
  const started = Date.now();
  let ok = true;
  for (let i = 0; i < deliveries.length;) {
    const delay = deliveries[i].delayMs;
    const group = [];
    while (i < deliveries.length && deliveries[i].delayMs === delay) group.push(deliveries[i++]);
    const wait = delay - (Date.now() - started);
    if (wait > 0) await ctx.sleep(wait);
    ok =
      (await publishInto(
        ctx,
        from,
        channel,
        edge,
        group.map((g) => g.message),
        group.map((g) => g.fault),
      )) && ok;
  }
  return ok;
}
