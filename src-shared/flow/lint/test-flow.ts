import type { FlowEdge } from '../document';
import type { NodeKind } from '../node-kinds';
import type { LintableFlow } from './lint-flow';

type NodeSpec = [id: string, kind: NodeKind, config?: Record<string, unknown>];
type EdgeSpec = [source: string, target: string, extra?: Partial<FlowEdge>];

/**
 * A lintable flow from short specs, for the rule tests: a node's name is its id unless
 * the config says otherwise; edge ids are `source>target`.
 */
export function testFlow(nodes: NodeSpec[], edges: EdgeSpec[] = []): LintableFlow {
  return {
    nodes: nodes.map(([id, kind, config]) => ({ id, kind, config: { name: id, ...config } })),
    edges: edges.map(([source, target, extra]) => ({ id: `${source}>${target}`, source, target, ...extra })),
  };
}
