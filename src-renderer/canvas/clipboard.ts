import type { NodeKind } from '@shared/flow/node-kinds';
import { renameNodeRefs } from '@shared/flow/node-refs';
import { isNodeKind } from '../palette/palette-dnd';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import { edgeId } from './new-node';

/** Marks clipboard text as Flowbench nodes, so arbitrary text is refused politely. */
export const CLIPBOARD_FORMAT = 'flowbench/nodes';

/** What Copy puts on the clipboard (as JSON): nodes and the edges between them. */
export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  nodes: FlowbenchNode[];
  edges: FlowbenchEdge[];
}

type Point = { x: number; y: number };

// View state that must not travel with a copy.
function clean<T extends FlowbenchNode | FlowbenchEdge>(item: T): T {
  const copy = { ...item } as Record<string, unknown>;
  for (const key of ['selected', 'dragging', 'measured', 'resizing', 'positionAbsolute']) delete copy[key];
  return copy as T;
}

/** Where a node is on the canvas, following its parents (groups) up. */
function absolute(node: FlowbenchNode, byId: Map<string, FlowbenchNode>): Point {
  const parent = node.parentId ? byId.get(node.parentId) : undefined;
  if (!parent) return node.position;
  const p = absolute(parent, byId);
  return { x: p.x + node.position.x, y: p.y + node.position.y };
}

/**
 * The payload for the selected nodes, with everything inside selected groups and the
 * edges whose both ends are copied. A node whose group stays behind gets its absolute
 * position. Null when no node is selected.
 */
export function copyPayload(nodes: FlowbenchNode[], edges: FlowbenchEdge[]): ClipboardPayload | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ids = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
  if (ids.size === 0) return null;
  // Parents come before children in React Flow's array, so one pass collects whole groups.
  for (const n of nodes) if (n.parentId && ids.has(n.parentId)) ids.add(n.id);
  const picked = nodes
    .filter((n) => ids.has(n.id))
    .map((n) => {
      const c = clean(n);
      if (n.parentId && !ids.has(n.parentId)) {
        delete c.parentId;
        delete c.extent;
        c.position = absolute(n, byId);
      }
      return c;
    });
  const links = edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(clean);
  return { format: CLIPBOARD_FORMAT, version: 1, nodes: picked, edges: links };
}

/** Clipboard text → payload, or the reason it is not one (for a polite notice). */
export function parsePayload(
  text: string,
): { ok: true; payload: ClipboardPayload } | { ok: false; reason: string } {
  const refuse = { ok: false, reason: 'The clipboard holds no Flowbench nodes.' } as const;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse;
  }
  const p = raw as Partial<ClipboardPayload> | null;
  if (!p || typeof p !== 'object' || p.format !== CLIPBOARD_FORMAT) return refuse;
  if (p.version !== 1 || !Array.isArray(p.nodes) || !Array.isArray(p.edges)) {
    return { ok: false, reason: 'The copied nodes come from a Flowbench version this one cannot read.' };
  }
  const nodesOk = p.nodes.every(
    (n) =>
      typeof n?.id === 'string' &&
      isNodeKind(String(n.type)) &&
      Number.isFinite(n.position?.x) &&
      Number.isFinite(n.position?.y) &&
      typeof n.data?.config === 'object',
  );
  const ids = new Set(p.nodes.map((n) => n.id));
  const edgesOk = p.edges.every((e) => typeof e?.id === 'string' && ids.has(e.source) && ids.has(e.target));
  if (!nodesOk || !edgesOk) return { ok: false, reason: 'The copied nodes are damaged and were not pasted.' };
  return { ok: true, payload: p as ClipboardPayload };
}

/** `orders` → `orders-2`, `producer-1` → `producer-2`: the first `<base>-<n>` (n ≥ 2) not taken. */
export function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const base = name.replace(/-\d+$/, '') || name;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** Top-left corner of the payload's top-level nodes. */
export function payloadOrigin(payload: ClipboardPayload): Point {
  const top = payload.nodes.filter((n) => !n.parentId);
  return {
    x: Math.min(...top.map((n) => n.position.x)),
    y: Math.min(...top.map((n) => n.position.y)),
  };
}

/**
 * The payload made ready to add to a flow holding `nodes` and `edges`: ids and names that
 * are taken get the next free `-<n>` (free ones are kept, so a copy into another flow
 * reads the same), edges follow their nodes, references between pasted nodes follow
 * their new names, top-level nodes move by `offset`, and everything pasted is selected.
 */
export function remapPaste(
  payload: ClipboardPayload,
  nodes: FlowbenchNode[],
  edges: FlowbenchEdge[],
  offset: Point,
): { nodes: FlowbenchNode[]; edges: FlowbenchEdge[] } {
  const takenIds = new Set(nodes.map((n) => n.id));
  const takenNames = new Set(nodes.map((n) => n.data.config.name));
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  const pasted = payload.nodes.map((n) => {
    const name = uniqueName(n.data.config.name, new Set([...takenNames, ...takenIds]));
    const id = n.id === n.data.config.name && !takenIds.has(name) ? name : uniqueName(n.id, takenIds);
    takenIds.add(id);
    takenNames.add(name);
    ids.set(n.id, id);
    if (name !== n.data.config.name) names.set(n.data.config.name, name);
    const parentId = n.parentId ? ids.get(n.parentId) : undefined;
    const position = parentId ? n.position : { x: n.position.x + offset.x, y: n.position.y + offset.y };
    const config = { ...n.data.config, name };
    return { ...n, id, parentId, position, data: { ...n.data, config }, selected: true } as FlowbenchNode;
  });
  for (const n of pasted) {
    if (!n.parentId) delete n.parentId;
    // References between copied nodes follow their renames (a saga step to a copied
    // service calls the copy); references to nodes left behind stay as they are.
    n.data = { ...n.data, config: renameNodeRefs(n.type as NodeKind, n.data.config, names) } as typeof n.data;
  }
  const takenEdges = new Set(edges.map((e) => e.id));
  const links = payload.edges.map((e) => {
    const source = ids.get(e.source) as string;
    const target = ids.get(e.target) as string;
    const id = edgeId(source, target, e.targetHandle, takenEdges);
    takenEdges.add(id);
    return { ...e, id, source, target, selected: true };
  });
  return { nodes: pasted, edges: links };
}
