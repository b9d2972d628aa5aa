import type { FlowEdge, FlowProblem } from './document';
import { edgeRefusal } from './edge-rules';
import type { NodeKind } from './node-kinds';

interface GraphNode {
  id: string;
  kind: NodeKind;
  parentId?: string;
}

/** Checks `parentId`: it names a group, and groups do not contain themselves. */
export function groupProblems(nodes: ReadonlyArray<GraphNode>): FlowProblem[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const problems: FlowProblem[] = [];
  nodes.forEach((node, i) => {
    if (node.parentId === undefined) return;
    const at = { path: `nodes[${i}].parentId`, nodeId: node.id };
    const parent = byId.get(node.parentId);
    if (!parent) {
      problems.push({ ...at, message: `refers to a group "${node.parentId}" that does not exist` });
    } else if (parent.kind !== 'group') {
      problems.push({ ...at, message: `refers to "${node.parentId}", which is not a group` });
    } else if (inCycle(node, byId)) {
      problems.push({ ...at, message: 'makes a group contain itself' });
    }
  });
  return problems;
}

function inCycle(start: GraphNode, byId: Map<string, GraphNode>): boolean {
  const seen = new Set<string>([start.id]);
  let cur = start.parentId ? byId.get(start.parentId) : undefined;
  while (cur) {
    if (seen.has(cur.id)) return true;
    seen.add(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return false;
}

/** Checks edge ids, that both ends exist, and that the kinds may connect (saying why not). */
export function edgeProblems(nodes: ReadonlyArray<GraphNode>, edges: ReadonlyArray<FlowEdge>): FlowProblem[] {
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind] as const));
  const problems: FlowProblem[] = [];
  const edgeIds = new Set<string>();
  edges.forEach((edge, i) => {
    const at = `edges[${i}]`;
    if (edgeIds.has(edge.id))
      problems.push({ path: `${at}.id`, edgeId: edge.id, message: `"${edge.id}" is used by another edge` });
    edgeIds.add(edge.id);
    const s = kindOf.get(edge.source);
    const t = kindOf.get(edge.target);
    if (!s)
      problems.push({
        path: `${at}.source`,
        edgeId: edge.id,
        message: `refers to a node "${edge.source}" that does not exist`,
      });
    if (!t)
      problems.push({
        path: `${at}.target`,
        edgeId: edge.id,
        message: `refers to a node "${edge.target}" that does not exist`,
      });
    if (s && t) {
      const reason = edgeRefusal(s, t);
      if (reason) problems.push({ path: at, edgeId: edge.id, message: reason });
    }
  });
  return problems;
}

/**
 * The nodes with every group before its members (React Flow needs parents first), keeping
 * the given order otherwise, so files stay stable. Nodes whose parent is missing keep their place.
 */
export function parentsFirst<T extends { id: string; parentId?: string }>(nodes: ReadonlyArray<T>): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: T[] = [];
  const placed = new Set<string>();
  const place = (node: T, depth: number): void => {
    if (placed.has(node.id)) return;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    // The depth bound stops a (reported) parent cycle from recursing forever.
    if (parent && depth < nodes.length) place(parent, depth + 1);
    if (placed.has(node.id)) return;
    placed.add(node.id);
    out.push(node);
  };
  for (const node of nodes) place(node, 0);
  return out;
}
