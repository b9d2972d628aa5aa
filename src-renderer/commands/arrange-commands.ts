import { align, distribute, type Alignment, type Axis, type Box } from '../canvas/align';
import { useFlowStore } from '../canvas/flow-store';
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
 * Runs `arrange` on the selected nodes per group: positions inside a group are relative
 * to it, so only nodes sharing a parent are arranged together.
 */
function arrangeSelection(arrange: (boxes: Box[]) => Moves): void {
  const byParent = new Map<string, Box[]>();
  for (const n of selected()) {
    const key = n.parentId ?? '';
    byParent.set(key, [...(byParent.get(key) ?? []), boxOf(n)]);
  }
  const moves: Moves = new Map();
  for (const boxes of byParent.values()) for (const [id, p] of arrange(boxes)) moves.set(id, p);
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
