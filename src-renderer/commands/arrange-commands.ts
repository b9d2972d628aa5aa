import { align, distribute, type Alignment, type Axis, type Box } from '../canvas/align';
import { useFlowStore } from '../canvas/flow-store';
import { absolutePosition } from '../canvas/group-geometry';
import type { FlowbenchNode } from '../canvas/flow-types';
import { layoutBoxes } from '../canvas/layout';
import { animateNextMove, boxOf, canvasInstance } from './canvas-view';
import type { Command, CommandId } from './command';
import { useEditorPrefs } from './editor-prefs';

type Moves = Map<string, { x: number; y: number }>;

const flow = (): ReturnType<typeof useFlowStore.getState> => useFlowStore.getState();
const selected = (): FlowbenchNode[] => flow().nodes.filter((n) => n.selected);

/** Moves nodes as one undo step (nothing when no node actually moves). */
function moveNodes(moves: Moves): void {
  const s = flow();
  let moved = false;
  const nodes = s.nodes.map((n) => {
    const p = moves.get(n.id);
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    moved = true;
    return { ...n, position: p };
  });
  if (moved) s.commit({ nodes });
}

/**
 * Runs `arrange` on the selected nodes in canvas coordinates, so nodes in different groups
 * (or none) line up with each other; each move is turned back into a position relative
 * to the node's own group. A node whose group is selected too moves with its group.
 */
function arrangeSelection(arrange: (boxes: Box[]) => Moves): void {
  const nodes = flow().nodes;
  const chosen = selected();
  const ids = new Set(chosen.map((n) => n.id));
  const inSelectedGroup = (n: FlowbenchNode): boolean => {
    for (let p = n.parentId, i = 0; p && i < nodes.length; i++) {
      if (ids.has(p)) return true;
      p = nodes.find((m) => m.id === p)?.parentId;
    }
    return false;
  };
  const movers = chosen.filter((n) => !inSelectedGroup(n));
  const origin = new Map(
    movers.map((n) => {
      const at = absolutePosition(n, nodes);
      return [n.id, { x: at.x - n.position.x, y: at.y - n.position.y }];
    }),
  );
  const boxes = movers.map((n) => {
    const o = origin.get(n.id) as { x: number; y: number };
    const box = boxOf(n);
    return { ...box, x: box.x + o.x, y: box.y + o.y };
  });
  const moves: Moves = new Map();
  for (const [id, p] of arrange(boxes)) {
    const o = origin.get(id) as { x: number; y: number };
    moves.set(id, { x: p.x - o.x, y: p.y - o.y });
  }
  moveNodes(moves);
}

function alignCommand(id: CommandId, label: string, how: Alignment, key?: string): Command {
  return {
    id,
    label,
    group: 'Arrange',
    scope: 'canvas',
    shortcut: key ? { key, mod: true, shift: true } : undefined,
    enabled: () => selected().length >= 2,
    handler: () => arrangeSelection((boxes) => align(boxes, how)),
  };
}

function distributeCommand(id: CommandId, label: string, axis: Axis, key: string): Command {
  return {
    id,
    label,
    group: 'Arrange',
    scope: 'canvas',
    shortcut: { key, shift: true },
    enabled: () => selected().length >= 3,
    handler: () => arrangeSelection((boxes) => distribute(boxes, axis)),
  };
}

/**
 * Lays out the selection (two or more nodes) or else the whole flow, left to right, as
 * one undo step; top-level nodes only, since a group's children move with it.
 */
async function autoLayout(): Promise<void> {
  const { nodes, edges } = flow();
  const chosen = nodes.filter((n) => n.selected && !n.parentId);
  const whole = chosen.length < 2;
  const targets = whole ? nodes.filter((n) => !n.parentId) : chosen;
  if (targets.length === 0) return;
  const moves = await layoutBoxes(targets.map(boxOf), edges);
  animateNextMove();
  moveNodes(moves);
  if (whole) void canvasInstance()?.fitView({ padding: 0.12, maxZoom: 1, duration: 300 });
}

/** Align, distribute, auto-layout and snap to grid. */
export const ARRANGE_COMMANDS = {
  alignLeft: alignCommand('alignLeft', 'Align left', 'left', 'ArrowLeft'),
  alignCentre: alignCommand('alignCentre', 'Align centres', 'centre'),
  alignRight: alignCommand('alignRight', 'Align right', 'right', 'ArrowRight'),
  alignTop: alignCommand('alignTop', 'Align top', 'top', 'ArrowUp'),
  alignMiddle: alignCommand('alignMiddle', 'Align middles', 'middle'),
  alignBottom: alignCommand('alignBottom', 'Align bottom', 'bottom', 'ArrowDown'),
  distributeHorizontally: distributeCommand(
    'distributeHorizontally',
    'Distribute horizontally',
    'horizontal',
    'h',
  ),
  distributeVertically: distributeCommand('distributeVertically', 'Distribute vertically', 'vertical', 'v'),
  autoLayout: {
    id: 'autoLayout',
    label: 'Auto-layout',
    group: 'Arrange',
    scope: 'global',
    shortcut: { key: 'l', mod: true, shift: true },
    enabled: () => flow().nodes.length > 0,
    handler: autoLayout,
  },
  toggleSnap: {
    id: 'toggleSnap',
    label: 'Snap to grid',
    group: 'Arrange',
    scope: 'global',
    shortcut: { key: 'g', shift: true },
    handler: () => useEditorPrefs.getState().toggleSnap(),
  },
} satisfies Partial<Record<CommandId, Command>>;
