import type { NodeKind } from '@shared/flow/node-kinds';
import { renameNodeRefs } from '@shared/flow/node-refs';
import type { FlowbenchNode } from './flow-types';

/** While a node's name is typed: the name other nodes' references to it hold now. */
export interface Renaming {
  id: string;
  /** The node's name after the last keystroke; a different name means another edit came between. */
  lastName: string;
  refsName: string;
}

/**
 * The flow's nodes after node `id` was renamed from `before` to `after`: references to it
 * in other nodes (saga steps, gateway routes, bindings…) follow the new name. While a name
 * is typed letter by letter, `renaming` remembers the name the references hold, so an empty
 * field or a name that is briefly another node's leaves them alone and the next keystroke
 * carries them on. Untouched nodes keep their identity.
 */
export function followRename(
  nodes: FlowbenchNode[],
  id: string,
  before: string,
  after: string,
  renaming: Renaming | undefined,
): { nodes: FlowbenchNode[]; renaming: Renaming | undefined } {
  if (before === after) return { nodes, renaming };
  const refsName =
    renaming && renaming.id === id && renaming.lastName === before ? renaming.refsName : before;
  const others = nodes.filter((n) => n.id !== id);
  const ambiguous =
    after === '' ||
    refsName === '' ||
    others.some((n) => n.data.config.name === refsName || n.data.config.name === after);
  if (ambiguous) return { nodes, renaming: { id, lastName: after, refsName } };
  const renamed = new Map([[refsName, after]]);
  const followed = nodes.map((n) => {
    if (n.id === id) return n;
    const config = renameNodeRefs(n.type as NodeKind, n.data.config, renamed);
    return config === n.data.config ? n : ({ ...n, data: { ...n.data, config } } as FlowbenchNode);
  });
  return { nodes: followed, renaming: { id, lastName: after, refsName: after } };
}
