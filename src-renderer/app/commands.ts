import { ARRANGE_COMMANDS } from '../commands/arrange-commands';
import type { Command, CommandId, Shortcut } from '../commands/command';
import { EDIT_COMMANDS } from '../commands/edit-commands';
import { EXPORT_COMMANDS } from '../commands/export-commands';
import { IMPORT_COMMANDS } from '../commands/import-commands';
import { FILE_COMMANDS } from '../commands/file-commands';
import { RUN_COMMANDS } from '../commands/run-commands';
import { TEMPLATE_COMMANDS } from '../commands/template-commands';
import { VIEW_COMMANDS } from '../commands/view-commands';

export type { Command, CommandId } from '../commands/command';

/**
 * The one command registry: the desktop menu (by id), the toolbar, context menus, the
 * shortcuts sheet and the keyboard all look commands up here.
 */
export const COMMANDS: Record<CommandId, Command> = {
  ...FILE_COMMANDS,
  ...TEMPLATE_COMMANDS,
  ...EXPORT_COMMANDS,
  ...IMPORT_COMMANDS,
  ...EDIT_COMMANDS,
  ...ARRANGE_COMMANDS,
  ...VIEW_COMMANDS,
  ...RUN_COMMANDS,
};

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

// A single printable character that is not a letter (`?`) already says whether Shift was
// held, and which keys give it depends on the keyboard layout.
const isSymbol = (key: string): boolean => key.length === 1 && key.toLowerCase() === key.toUpperCase();

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Delete: 'Del',
  Backspace: '⌫',
};

/** `Ctrl+Shift+S` or `⌘⇧S`, for tooltips, menus and the shortcuts sheet. */
export function formatShortcut(s: Shortcut, mac = isMac()): string {
  const key = KEY_NAMES[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  // Shift is part of a symbol (`?`), but not of a key matched by position (Shift+1).
  const shift = s.shift && (s.code !== undefined || !isSymbol(s.key));
  if (mac) return `${s.mod ? '⌘' : ''}${shift ? '⇧' : ''}${key}`;
  return [s.mod && 'Ctrl', shift && 'Shift', key].filter(Boolean).join('+');
}

/** The command's main shortcut as text, or '' when it has none. */
export function shortcutText(c: Command): string {
  return c.shortcut ? formatShortcut(c.shortcut) : '';
}

/** A button title: `Undo (Ctrl+Z)`. */
export function commandTitle(c: Command): string {
  const keys = shortcutText(c);
  return keys ? `${c.label} (${keys})` : c.label;
}

type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'> &
  Partial<Pick<KeyboardEvent, 'code'>>;

function matches(s: Shortcut, e: KeyInfo): boolean {
  if (Boolean(s.mod) !== (e.ctrlKey || e.metaKey) || e.altKey) return false;
  if (s.code) return e.code === s.code && Boolean(s.shift) === e.shiftKey;
  if (isSymbol(s.key)) return e.key === s.key;
  return e.key.toLowerCase() === s.key.toLowerCase() && Boolean(s.shift) === e.shiftKey;
}

/** The command a key press asks for, if any. */
export function commandForKey(e: KeyInfo): Command | null {
  return (
    Object.values(COMMANDS).find((c) =>
      [c.shortcut, ...(c.moreShortcuts ?? [])].some((s) => s !== undefined && matches(s, e)),
    ) ?? null
  );
}

/** Runs a command by id (from a button, menu item or context menu) unless it is disabled. */
export function runCommand(id: CommandId, ctx: Parameters<Command['handler']>[0]): void {
  const c = COMMANDS[id];
  if (c.enabled && !c.enabled()) return;
  void Promise.resolve(c.handler(ctx));
}
