import type { LintRule } from '../lint-flow';
import { nameOf, nodeIndex, nodesOf, text } from '../lint-graph';

/** A connection naming a mesh policy must name one that exists (it may have been renamed). */
export const unknownPolicy: LintRule = (flow) => {
  const policies = new Set(nodesOf(flow, 'meshPolicy').map(nameOf));
  const byId = nodeIndex(flow);
  return flow.edges.flatMap((edge) => {
    const policy = text(edge.config?.policy).trim();
    if (!policy || policies.has(policy)) return [];
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    return [
      {
        rule: 'unknown-policy',
        severity: 'error' as const,
        edgeId: edge.id,
        nodeId: source?.id,
        message: `The connection from "${source ? nameOf(source) : edge.source}" to "${target ? nameOf(target) : edge.target}" uses mesh policy "${policy}", which does not exist`,
      },
    ];
  });
};
