import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Box } from './align';

/** Layered layout, left to right, with room for edge labels between the layers. */
export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** An edge as the layout sees it. */
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

/** The ELK graph of `boxes`, with only the edges between them (self-loops dropped). */
export function toElkGraph(boxes: Box[], edges: LayoutEdge[]): ElkNode {
  const ids = new Set(boxes.map((b) => b.id));
  return {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: boxes.map((b) => ({ id: b.id, width: b.w, height: b.h })),
    edges: edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

/**
 * Positions from ELK's result, moved so the laid-out group keeps the top-left corner of
 * `boxes`: laying out a selection does not throw it across the canvas.
 */
export function fromElkGraph(result: ElkNode, boxes: Box[]): Map<string, { x: number; y: number }> {
  const moves = new Map<string, { x: number; y: number }>();
  const children = result.children ?? [];
  if (children.length === 0) return moves;
  const originX = Math.min(...boxes.map((b) => b.x));
  const originY = Math.min(...boxes.map((b) => b.y));
  const minX = Math.min(...children.map((c) => c.x ?? 0));
  const minY = Math.min(...children.map((c) => c.y ?? 0));
  for (const c of children) {
    moves.set(c.id, {
      x: Math.round(originX + (c.x ?? 0) - minX),
      y: Math.round(originY + (c.y ?? 0) - minY),
    });
  }
  return moves;
}

/** Lays `boxes` out left to right along `edges` with elkjs (loaded on first use). */
export async function layoutBoxes(
  boxes: Box[],
  edges: LayoutEdge[],
): Promise<Map<string, { x: number; y: number }>> {
  if (boxes.length === 0) return new Map();
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const result = await new ELK().layout(toElkGraph(boxes, edges));
  return fromElkGraph(result, boxes);
}
