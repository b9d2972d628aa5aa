import type { LintRule } from '../lint-flow';
import { nameOf } from '../lint-graph';

/**
 * Names are how traces, messages, gateway routes, saga steps and policies point at nodes;
 * two nodes with one name make all of those ambiguous. Notes are exempt: nothing names them.
 */
export const duplicateName: LintRule = (flow) => {
  const seen = new Map<string, string>();
  return flow.nodes.flatMap((node) => {
    if (node.kind === 'note') return [];
    const name = nameOf(node);
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, node.id);
      return [];
    }
    return [
      {
        rule: 'duplicate-name',
        severity: 'warning' as const,
        nodeId: node.id,
        message: `Another node is already called "${name}": rename one so traces and references are clear`,
      },
    ];
  });
};
