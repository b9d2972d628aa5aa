import type { FlowDocument } from '@shared/flow/document';

/** Layered, left to right: the same options the canvas's auto-layout uses. */
const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};
/** About the size of a node card on the canvas. */
const NODE_W = 200;
const NODE_H = 80;

/** Gives every node a position from elkjs, so an imported flow opens readable. */
export async function layoutFlow(flow: FlowDocument): Promise<FlowDocument> {
  if (flow.nodes.length === 0) return flow;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const ids = new Set(flow.nodes.map((n) => n.id));
  const result = await new ELK().layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: flow.nodes.map((n) => ({ id: n.id, width: NODE_W, height: NODE_H })),
    edges: flow.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const at = new Map(
    (result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]),
  );
  return { ...flow, nodes: flow.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) };
}
