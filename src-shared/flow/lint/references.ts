import type { LintableFlow } from './lint-flow';
import { nameOf, nodeIndex, outgoing, type LintNode } from './lint-graph';

/**
 * Why `owner`'s reference to the node named `target` goes nowhere, or null when it names
 * a node the owner is connected to. Gateway routes and saga steps name their services.
 */
export function targetProblem(flow: LintableFlow, owner: LintNode, target: string): string | null {
  const wanted = target.trim();
  if (!wanted) return 'has no target';
  const connected = outgoing(flow, owner.id, nodeIndex(flow)).map(({ node }) => node);
  if (connected.some((n) => nameOf(n) === wanted || n.id === wanted)) return null;
  const exists = flow.nodes.some((n) => nameOf(n) === wanted || n.id === wanted);
  return exists
    ? `goes to "${wanted}", but "${nameOf(owner)}" is not connected to it`
    : `goes to "${wanted}", which no node is called`;
}
