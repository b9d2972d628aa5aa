import { nodeConfigSchemas } from '../../node-kinds';
import { validateNodeConfig } from '../../parse';
import type { LintFinding, LintRule } from '../lint-flow';
import { nameOf } from '../lint-graph';

/** One error per config field the kind's schema refuses (what the inspector shows inline). */
export const invalidConfig: LintRule = (flow) =>
  flow.nodes.flatMap((node): LintFinding[] => {
    if (!(node.kind in nodeConfigSchemas)) return [];
    const res = validateNodeConfig(node.kind, node.config);
    if (res.ok) return [];
    return Object.entries(res.errors).map(([field, message]) => ({
      rule: 'invalid-config',
      severity: 'error',
      nodeId: node.id,
      message: `"${nameOf(node)}": ${field || 'config'} ${message}`,
    }));
  });
