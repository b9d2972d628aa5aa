import type { FlowbenchNode } from './flow-types';

type Point = { x: number; y: number };

/** A node's position on the canvas, adding up the positions of the groups it sits in. */
export function absolutePosition(node: FlowbenchNode, nodes: ReadonlyArray<FlowbenchNode>): Point {
  let x = node.position.x;
  let y = node.position.y;
  let parentId = node.parentId;
  // Bounded by the node count, so a (refused) parent cycle cannot loop forever.
  for (let i = 0; parentId && i < nodes.length; i += 1) {
    const parent = nodes.find((n) => n.id === parentId);
    if (!parent) break;
    x += parent.position.x;
    y += parent.position.y;
    parentId = parent.parentId;
  }
  return { x, y };
}

/** A node's size: what the canvas measured, else its fixed size, else a typical node's. */
export function sizeOf(node: FlowbenchNode): { width: number; height: number } {
  return {
    width: node.measured?.width ?? node.width ?? 240,
    height: node.measured?.height ?? node.height ?? 96,
  };
}

/**
 * The group whose box holds `point` (canvas coordinates), the innermost when boxes nest;
 * `exclude` is the node being placed, which cannot contain itself.
 */
export function groupAt(
  point: Point,
  nodes: ReadonlyArray<FlowbenchNode>,
  exclude?: string,
): FlowbenchNode | null {
  let found: FlowbenchNode | null = null;
  for (const n of nodes) {
    if (n.type !== 'group' || n.id === exclude || isInside(n, exclude, nodes)) continue;
    const at = absolutePosition(n, nodes);
    const size = sizeOf(n);
    if (point.x >= at.x && point.y >= at.y && point.x <= at.x + size.width && point.y <= at.y + size.height) {
      found = n; // Later nodes draw on top, so the last match is the innermost box.
    }
  }
  return found;
}

/** True when `node` sits (at any depth) inside the node `ancestorId`. */
function isInside(
  node: FlowbenchNode,
  ancestorId: string | undefined,
  nodes: ReadonlyArray<FlowbenchNode>,
): boolean {
  let parentId = node.parentId;
  for (let i = 0; ancestorId && parentId && i < nodes.length; i += 1) {
    if (parentId === ancestorId) return true;
    parentId = nodes.find((n) => n.id === parentId)?.parentId;
  }
  return false;
}
