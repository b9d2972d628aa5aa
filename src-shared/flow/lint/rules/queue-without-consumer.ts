import type { LintRule } from '../lint-flow';
import { deadLetterLinks, isTrafficEdge, nameOf, nodeIndex, nodesOf, outgoing } from '../lint-graph';

/**
 * A queue nothing reads from fills up until the broker's limits drop or block messages.
 * A dead-letter queue is the exception: it keeps failed messages until someone inspects
 * or redrives them, so having no consumer is its point.
 */
export const queueWithoutConsumer: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  const deadLetterQueues = new Set(deadLetterLinks(flow).map(({ to }) => to.id));
  return nodesOf(flow, 'rabbitQueue')
    .filter((q) => !deadLetterQueues.has(q.id))
    .filter((q) => !outgoing(flow, q.id, byId).some(({ edge }) => isTrafficEdge(edge, flow, byId)))
    .map((q) => ({
      rule: 'queue-without-consumer',
      severity: 'warning',
      nodeId: q.id,
      message: `Queue "${nameOf(q)}" has no consumer: its messages pile up`,
    }));
};
