import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Capture } from './history';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';

/**
 * What one undo step restores: the document plus the nodes' selection at that time.
 * Arrays share unchanged node objects with the live state, so a step costs little.
 */
export interface DocState {
  name: string;
  nodes: FlowbenchNode[];
  edges: FlowbenchEdge[];
  /** The document's identity (see `FlowState.edits`): restored with it, so dirty is exact. */
  edits: number;
}

/** Recorded at once, as one step with everything else changed in the same task. */
export const NOW: Capture = { mode: 'now' };
/** Not an edit: selection, measurement, anything coming from the engine. */
export const NEVER: Capture = { mode: 'never' };

let lastEdits = 0;

/** A document identity never used before, for a state that differs from every earlier one. */
export function freshEdits(): number {
  lastEdits += 1;
  return lastEdits;
}

let task: object | null = null;

/** A token for the current task: every change made before the next microtask checkpoint shares it. */
export function currentTask(): object {
  if (!task) {
    const t = {};
    task = t;
    queueMicrotask(() => {
      if (task === t) task = null;
    });
  }
  return task;
}

/** True when two states hold the same document (selection and measurement aside). */
export function sameDoc(a: DocState, b: DocState): boolean {
  if (a.name !== b.name || a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) {
    return false;
  }
  const nodesSame = a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return (
      n === m ||
      (n.id === m.id &&
        n.type === m.type &&
        n.data === m.data &&
        n.parentId === m.parentId &&
        n.position.x === m.position.x &&
        n.position.y === m.position.y &&
        n.width === m.width &&
        n.height === m.height)
    );
  });
  return (
    nodesSame &&
    a.edges.every((e, i) => {
      const f = b.edges[i];
      return (
        e === f ||
        (e.id === f.id &&
          e.source === f.source &&
          e.target === f.target &&
          e.sourceHandle === f.sourceHandle &&
          e.targetHandle === f.targetHandle &&
          e.data === f.data &&
          e.label === f.label)
      );
    })
  );
}

/**
 * How React Flow's node changes are recorded: drags and resizes as gestures (one step when
 * they end), keyboard nudges as a burst, adds and removes at once, selection and
 * measurement never.
 */
export function nodeChangesCapture(changes: NodeChange<FlowbenchNode>[], gestureOpen: boolean): Capture {
  let gesture = false;
  let end = false;
  let edit = false;
  let settled = false;
  for (const c of changes) {
    if (c.type === 'select') continue;
    if (c.type === 'dimensions') {
      // Only NodeResizer sets `resizing`; plain measurement leaves it undefined.
      if (c.resizing === true) gesture = true;
      else if (c.resizing === false) end = true;
    } else if (c.type === 'position') {
      if (c.dragging) gesture = true;
      else settled = true;
    } else {
      edit = true;
    }
  }
  if (end) return { mode: 'gesture-end' };
  if (edit) return NOW;
  // A resize moves the node too (top or left handle): those moves belong to the gesture.
  if (gesture) return { mode: 'gesture' };
  // A drag ends with a move that is no longer dragging; without a drag it is a keyboard nudge.
  if (settled) return gestureOpen ? { mode: 'gesture-end' } : { mode: 'burst', key: 'nudge' };
  return NEVER;
}

/** Edge changes: selecting is not an edit; adding, removing or replacing is one at once. */
export function edgeChangesCapture(changes: EdgeChange<FlowbenchEdge>[]): Capture {
  return changes.every((c) => c.type === 'select') ? NEVER : NOW;
}

/** A burst key for a config edit: typing in one field of one node is one step per pause. */
export function configBurstKey(id: string, before: object, after: object): string {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => a[k] !== b[k]);
  return `config:${id}:${keys.sort().join(',')}`;
}
