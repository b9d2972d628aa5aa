import { NODE_CATALOG } from '@shared/flow/node-catalog';
import { nodeConfigSchemas, type NodeConfigByKind, type NodeKind } from '@shared/flow/node-kinds';
import type { FlowbenchNode } from './flow-types';

/** The config a node starts with: the kind's schema defaults plus the catalog's starter values. */
export function starterConfig<K extends NodeKind>(kind: K): NodeConfigByKind[K] {
  const input = { ...NODE_CATALOG[kind].starter };
  const parsed = nodeConfigSchemas[kind].safeParse(input);
  // A catalog whose starter does not satisfy its schema is a bug there; still give the user a node.
  return (parsed.success ? parsed.data : input) as NodeConfigByKind[K];
}

/**
 * A fresh node of `kind` at `position` whose id and name are both `<base>-<n>` with the
 * smallest n not used as an id or a name on the canvas (e.g. `producer-2`).
 */
export function createNode(
  kind: NodeKind,
  position: { x: number; y: number },
  existing: ReadonlyArray<FlowbenchNode>,
): FlowbenchNode {
  const config = starterConfig(kind);
  const base = config.name || kind;
  const taken = new Set<string>();
  for (const n of existing) {
    taken.add(n.id);
    taken.add(n.data.config.name);
  }
  let n = 1;
  while (taken.has(`${base}-${n}`)) n += 1;
  const id = `${base}-${n}`;
  return { id, type: kind, position, data: { config: { ...config, name: id } } } as FlowbenchNode;
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
