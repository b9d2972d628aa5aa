import type { FlowEdge } from '../document';
import type { NodeKind } from '../node-kinds';

/** How much a finding matters: errors stop a run; warnings and hints are for the designer. */
export type LintSeverity = 'error' | 'warning' | 'info';

/** One design problem the validation panel lists; clicking it selects its node or edge. */
export interface LintFinding {
  /** Stable rule id, e.g. `queue-without-consumer`. */
  rule: string;
  severity: LintSeverity;
  nodeId?: string;
  edgeId?: string;
  message: string;
}

/** A flow as the editor holds it: configs may be incomplete or invalid while the user types. */
export interface LintableFlow {
  nodes: Array<{ id: string; kind: NodeKind; config: Record<string, unknown> }>;
  edges: FlowEdge[];
}

/** A design rule: pure, fast (runs on every edit), never throws on incomplete configs. */
export type LintRule = (flow: LintableFlow) => LintFinding[];

const RULES: LintRule[] = [];

/** Every finding of every rule, errors first, then in node order. */
export function lintFlow(flow: LintableFlow): LintFinding[] {
  const order = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return RULES.flatMap((rule) => rule(flow)).sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      (order.get(a.nodeId ?? '') ?? 1e9) - (order.get(b.nodeId ?? '') ?? 1e9),
  );
}
