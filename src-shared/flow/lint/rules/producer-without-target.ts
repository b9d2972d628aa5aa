import type { LintRule } from '../lint-flow';
import { nameOf, nodeIndex, nodesOf, outgoing } from '../lint-graph';

/**
 * A producer with nowhere to send cannot run (the compiler refuses it); a timer with no
 * target ticks into nothing, which is only worth a warning while the flow is being drawn.
 */
export const producerWithoutTarget: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  return nodesOf(flow, 'producer', 'timer')
    .filter((n) => outgoing(flow, n.id, byId).length === 0)
    .map((n) =>
      n.kind === 'producer'
        ? {
            rule: 'producer-without-target',
            severity: 'error' as const,
            nodeId: n.id,
            message: `Producer "${nameOf(n)}" sends nowhere: connect it to a topic, exchange or queue`,
          }
        : {
            rule: 'producer-without-target',
            severity: 'warning' as const,
            nodeId: n.id,
            message: `Timer "${nameOf(n)}" ticks into nothing: connect it to a topic, queue, router or saga`,
          },
    );
};
