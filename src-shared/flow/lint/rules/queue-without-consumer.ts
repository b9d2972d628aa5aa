import type { LintRule } from '../lint-flow';
import { isTrafficEdge, nameOf, nodeIndex, nodesOf, outgoing } from '../lint-graph';

/** A queue nothing reads from fills up until the broker's limits drop or block messages. */
export const queueWithoutConsumer: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  return nodesOf(flow, 'rabbitQueue')
    .filter((q) => !outgoing(flow, q.id, byId).some(({ edge }) => isTrafficEdge(edge, flow, byId)))
    .map((q) => ({
      rule: 'queue-without-consumer',
      severity: 'warning',
      nodeId: q.id,
      message: `Queue "${nameOf(q)}" has no consumer: its messages pile up`,
    }));
};
