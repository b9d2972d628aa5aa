import type { MenuCommand } from '@shared/api/contract';

/** Every command id; the desktop menu sends the `MenuCommand` subset. */
export type CommandId =
  | MenuCommand
  | 'alignLeft'
  | 'alignCentre'
  | 'alignRight'
  | 'alignTop'
  | 'alignMiddle'
  | 'alignBottom'
  | 'distributeHorizontally'
  | 'distributeVertically'
  | 'toggleSnap'
  | 'quickAdd'
  | 'runFlow'
  | 'stopRun'
  | 'pauseResume'
  | 'pauseNodes'
  | 'resumeNodes';

/** A key combination; `mod` is Ctrl, or Cmd on macOS. */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  /** Matches `KeyboardEvent.code` instead of `key` (for Shift+digit, whose key varies by layout). */
  code?: string;
}

/** Where a command was started from, and for canvas commands the flow point it concerns. */
export interface CommandContext {
  source: 'keyboard' | 'menu' | 'toolbar' | 'context-menu';
  /** Flow coordinates, e.g. where a context menu was opened: paste and add go there. */
  at?: { x: number; y: number };
}

/**
 * One user command (Excalidraw's action object): the desktop menu, the toolbar, context
 * menus and the keyboard all run this same object, so they cannot disagree.
 */
export interface Command {
  id: CommandId;
  label: string;
  /** A shorter label where the toolbar has no room for the full one (its accessible name stays `label`). */
  toolbarLabel?: string;
  /** Heading it is listed under in the shortcuts sheet. */
  group: 'File' | 'Edit' | 'Arrange' | 'View' | 'Run';
  shortcut?: Shortcut;
  /** Further keys for the same command (e.g. Ctrl+Y for Redo). */
  moreShortcuts?: Shortcut[];
  /**
   * `canvas` commands act on the canvas selection, so their keys work only while the
   * canvas (or nothing in particular) has focus, never in another panel's list.
   */
  scope: 'global' | 'canvas';
  /** False when the command has nothing to act on (menus and buttons show it disabled). */
  enabled?(): boolean;
  handler(ctx: CommandContext): unknown;
}

/** True unless the command says it cannot run now. */
export function isEnabled(c: Command): boolean {
  return c.enabled ? c.enabled() : true;
}
