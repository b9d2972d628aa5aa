import { NODE_CATALOG } from '@shared/flow/node-catalog';
import { nodeConfigSchemas, type NodeConfigByKind, type NodeKind } from '@shared/flow/node-kinds';
import type { FlowbenchNode } from './flow-types';
import { absolutePosition, groupAt } from './group-geometry';

/**
 * Groups draw beneath other nodes (and edges), so a box placed over nodes never hides
 * them; React Flow lifts a group's members above it.
 */
export const GROUP_Z = -1;

/** Where the pointer sits on a node dropped from the palette (its top-left is this far away). */
export const DROP_ANCHOR = { x: 120, y: 48 };

/** The config a node starts with: the kind's schema defaults plus the catalog's starter values. */
export function starterConfig<K extends NodeKind>(kind: K): NodeConfigByKind[K] {
  const input = { ...NODE_CATALOG[kind].starter };
  const parsed = nodeConfigSchemas[kind].safeParse(input);
  // A catalog whose starter does not satisfy its schema is a bug there; still give the user a node.
  return (parsed.success ? parsed.data : input) as NodeConfigByKind[K];
}

/**
 * A fresh node of `kind` at `position` whose id and name are both `<base>-<n>` with the
 * smallest n not used as an id or a name on the canvas (e.g. `producer-2`). Dropped into
 * a group's box, it becomes a member of that group (position relative to the group).
 */
export function createNode(
  kind: NodeKind,
  position: { x: number; y: number },
  existing: ReadonlyArray<FlowbenchNode>,
): FlowbenchNode {
  const config = starterConfig(kind) as Record<string, unknown> & { name: string };
  const base = config.name || kind;
  const taken = new Set<string>();
  for (const n of existing) {
    taken.add(n.id);
    taken.add(n.data.config.name);
  }
  let n = 1;
  while (taken.has(`${base}-${n}`)) n += 1;
  const id = `${base}-${n}`;
  // The group id is written out (format 2), so renaming the node later keeps its offsets.
  const named = kind === 'consumer' ? { ...config, name: id, group: id } : { ...config, name: id };
  const node = { id, type: kind, position, data: { config: named } } as FlowbenchNode;
  if (kind === 'group') {
    node.width = Number(config.width);
    node.height = Number(config.height);
    node.zIndex = GROUP_Z;
    return node;
  }
  const group = groupAt({ x: position.x + DROP_ANCHOR.x, y: position.y + DROP_ANCHOR.y }, existing);
  if (group) {
    const origin = absolutePosition(group, existing);
    node.parentId = group.id;
    node.position = { x: position.x - origin.x, y: position.y - origin.y };
  }
  return node;
}

/** An edge id that is stable for the same endpoints and unique among `taken`. */
export function edgeId(
  source: string,
  target: string,
  handle: string | null | undefined,
  taken: Set<string>,
): string {
  const base = `e-${source}-${target}${handle ? `-${handle}` : ''}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
