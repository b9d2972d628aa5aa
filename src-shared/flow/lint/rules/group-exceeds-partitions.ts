import type { LintFinding, LintRule } from '../lint-flow';
import { nameOf, nodeIndex, nodesOf, num, outgoing, text } from '../lint-graph';

/**
 * Kafka gives each partition to one member of a group: members beyond the partition
 * count sit idle. Consumer nodes sharing a group id on one topic add up.
 */
export const groupExceedsPartitions: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  const findings: LintFinding[] = [];
  for (const topic of nodesOf(flow, 'kafkaTopic')) {
    const partitions = num(topic.config.partitions);
    if (partitions === undefined) continue;
    const members = new Map<string, { total: number; first: string }>();
    for (const { node } of outgoing(flow, topic.id, byId)) {
      if (node.kind !== 'consumer') continue;
      const group = text(node.config.group).trim() || nameOf(node);
      const entry = members.get(group) ?? { total: 0, first: node.id };
      entry.total += num(node.config.members) ?? 1;
      members.set(group, entry);
    }
    for (const [group, { total, first }] of members) {
      if (total <= partitions) continue;
      findings.push({
        rule: 'group-exceeds-partitions',
        severity: 'warning',
        nodeId: first,
        message: `Group "${group}" has ${total} members on topic "${nameOf(topic)}", which has ${partitions} partitions: ${total - partitions} will sit idle`,
      });
    }
  }
  return findings;
};
