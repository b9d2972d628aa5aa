import type { LintRule } from '../lint-flow';
import { nameOf, nodeIndex, nodesOf, outgoing } from '../lint-graph';

/** RabbitMQ drops what an exchange cannot route: without a binding every message is lost. */
export const exchangeWithoutBindings: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  return nodesOf(flow, 'rabbitExchange')
    .filter((x) => outgoing(flow, x.id, byId).length === 0)
    .map((x) => ({
      rule: 'exchange-without-bindings',
      severity: 'warning',
      nodeId: x.id,
      message: `Exchange "${nameOf(x)}" has no bindings: RabbitMQ drops every message sent to it`,
    }));
};
