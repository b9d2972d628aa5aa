import { canvasInstance, pointerFlowPosition, viewCentre } from './canvas-view';
import type { Command, CommandId } from './command';
import { openOverlay } from './overlay-store';

/** Opens the quick-add box at `flow` (a flow point), next to where it is on screen. */
export function openQuickAdd(flow: { x: number; y: number }): void {
  const screen = canvasInstance()?.flowToScreenPosition(flow) ?? { x: 400, y: 300 };
  openOverlay({ kind: 'quick-add', screen, flow });
}

/** Zoom to fit, find, the shortcuts sheet and quick-add. */
export const VIEW_COMMANDS = {
  zoomToFit: {
    id: 'zoomToFit',
    label: 'Zoom to fit',
    group: 'View',
    scope: 'global',
    shortcut: { key: '1', shift: true, code: 'Digit1' },
    handler: () => canvasInstance()?.fitView({ padding: 0.12, maxZoom: 1, duration: 250 }),
  },
  find: {
    id: 'find',
    label: 'Find node…',
    group: 'View',
    scope: 'global',
    shortcut: { key: 'f', mod: true },
    handler: () => openOverlay({ kind: 'find' }),
  },
  quickAdd: {
    id: 'quickAdd',
    label: 'Add node…',
    group: 'View',
    scope: 'global',
    shortcut: { key: 'a', shift: true },
    handler: (ctx) => openQuickAdd(ctx.at ?? pointerFlowPosition() ?? viewCentre()),
  },
  shortcuts: {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    group: 'View',
    scope: 'global',
    shortcut: { key: '?' },
    handler: () => openOverlay({ kind: 'shortcuts' }),
  },
} satisfies Partial<Record<CommandId, Command>>;
