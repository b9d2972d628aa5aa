import type { LintRule } from '../lint-flow';
import { nameOf, nodeIndex, nodesOf, outgoing } from '../lint-graph';

/** Kafka keeps what nobody reads until retention drops it: usually a missing consumer. */
export const topicWithoutReader: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  return nodesOf(flow, 'kafkaTopic')
    .filter((t) => outgoing(flow, t.id, byId).length === 0)
    .map((t) => ({
      rule: 'topic-without-reader',
      severity: 'warning',
      nodeId: t.id,
      message: `Nobody reads topic "${nameOf(t)}": connect a consumer, service, projection or sink`,
    }));
};
