import type { LintRule } from '../lint-flow';
import { nameOf, nodesOf, text } from '../lint-graph';

/**
 * A mesh policy governs the services it is connected to, or the call edges that name it
 * in their settings; a policy attached to nothing has no effect.
 */
export const policyUnattached: LintRule = (flow) => {
  const named = new Set(flow.edges.map((e) => text(e.config?.policy).trim()).filter(Boolean));
  return nodesOf(flow, 'meshPolicy')
    .filter((p) => !flow.edges.some((e) => e.source === p.id) && !named.has(nameOf(p)))
    .map((p) => ({
      rule: 'policy-unattached',
      severity: 'warning',
      nodeId: p.id,
      message: `Mesh policy "${nameOf(p)}" applies to nothing: connect it to a service, or choose it on a call's connection`,
    }));
};
