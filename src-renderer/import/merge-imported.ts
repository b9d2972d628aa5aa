import type { FlowDocument, FlowEdge, FlowNode } from '@shared/flow/document';

/** Room left between the current flow and what is added beside it. */
const GAP = 240;

/**
 * The current flow with an imported one added to its right: imported ids that are taken get a
 * suffix (edges follow), and the imported nodes keep their layout, shifted past the current
 * flow's right edge so nothing lands on top of what is there.
 */
export function mergeImported(current: FlowDocument, imported: FlowDocument): FlowDocument {
  const taken = new Set(current.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const n of imported.nodes) {
    let id = n.id;
    for (let i = 2; taken.has(id); i += 1) id = `${n.id}-${i}`;
    taken.add(id);
    rename.set(n.id, id);
  }
  const rightEdge =
    current.nodes.length > 0
      ? Math.max(...current.nodes.filter((n) => !n.parentId).map((n) => n.position.x)) + GAP
      : 0;
  const top =
    current.nodes.length > 0
      ? Math.min(...current.nodes.filter((n) => !n.parentId).map((n) => n.position.y))
      : 0;
  const nodes = imported.nodes.map((n) => {
    const moved = n.parentId ? n.position : { x: n.position.x + rightEdge, y: n.position.y + top };
    const out = { ...n, id: rename.get(n.id) ?? n.id, position: moved } as FlowNode;
    if (n.parentId) out.parentId = rename.get(n.parentId) ?? n.parentId;
    return out;
  });
  const edgeIds = new Set(current.edges.map((e) => e.id));
  const edges = imported.edges.map((e): FlowEdge => {
    let id = e.id;
    for (let i = 2; edgeIds.has(id); i += 1) id = `${e.id}-${i}`;
    edgeIds.add(id);
    return { ...e, id, source: rename.get(e.source) ?? e.source, target: rename.get(e.target) ?? e.target };
  });
  return { ...current, nodes: [...current.nodes, ...nodes], edges: [...current.edges, ...edges] };
}
