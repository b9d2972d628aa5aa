import type { FlowbenchNode } from './flow-types';
import { absolutePosition, groupAt, sizeOf } from './group-geometry';

/**
 * The nodes after a drag ends: each dragged node (not a group) whose centre now lies in
 * a group's box joins that group, and one dragged out of its group leaves it. Positions
 * are converted so nothing moves on screen; a new member is placed after its group,
 * because React Flow draws (and positions) parents before children. Returns `nodes`
 * itself when nothing changed.
 */
export function regroup(nodes: FlowbenchNode[], draggedIds: ReadonlyArray<string>): FlowbenchNode[] {
  const dragged = new Set(draggedIds);
  let next = nodes;
  for (const id of draggedIds) {
    const node = next.find((n) => n.id === id);
    // A member dragged together with its group moves with the group and stays in it.
    if (!node || node.type === 'group' || (node.parentId && dragged.has(node.parentId))) continue;
    const at = absolutePosition(node, next);
    const size = sizeOf(node);
    const group = groupAt({ x: at.x + size.width / 2, y: at.y + size.height / 2 }, next, node.id);
    if ((group?.id ?? undefined) === node.parentId) continue;
    const origin = group ? absolutePosition(group, next) : { x: 0, y: 0 };
    const moved = { ...node, position: { x: at.x - origin.x, y: at.y - origin.y } } as FlowbenchNode;
    if (group) moved.parentId = group.id;
    else delete moved.parentId;
    const rest = next.filter((n) => n.id !== id);
    const groupIndex = group ? rest.findIndex((n) => n.id === group.id) : -1;
    const index = next.indexOf(node);
    const insertAt = groupIndex >= index ? groupIndex + 1 : index;
    next = [...rest.slice(0, insertAt), moved, ...rest.slice(insertAt)];
  }
  return next;
}
