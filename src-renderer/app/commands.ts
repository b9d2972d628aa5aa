import type { MenuCommand } from '@shared/api/contract';
import { newFlow, openFlow, saveFlow, saveFlowAs } from '../files/file-actions';

export type CommandId = MenuCommand;

/** One user command: the toolbar, the desktop menu and the keyboard all run the same one. */
export interface Command {
  id: CommandId;
  label: string;
  /** Key with Ctrl (Cmd on macOS). */
  shortcut: { key: string; shift?: boolean };
  run(): Promise<unknown>;
}

export const COMMANDS: Record<CommandId, Command> = {
  new: { id: 'new', label: 'New', shortcut: { key: 'n' }, run: newFlow },
  open: { id: 'open', label: 'Open…', shortcut: { key: 'o' }, run: openFlow },
  save: { id: 'save', label: 'Save', shortcut: { key: 's' }, run: saveFlow },
  saveAs: { id: 'saveAs', label: 'Save As…', shortcut: { key: 's', shift: true }, run: saveFlowAs },
};

/** `Ctrl+Shift+S` or `⌘⇧S`, for tooltips. */
export function shortcutText(c: Command): string {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const key = c.shortcut.key.toUpperCase();
  if (mac) return `⌘${c.shortcut.shift ? '⇧' : ''}${key}`;
  return `Ctrl+${c.shortcut.shift ? 'Shift+' : ''}${key}`;
}

/** The command a key press asks for, if any. */
export function commandForKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): Command | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  return (
    Object.values(COMMANDS).find((c) => c.shortcut.key === key && Boolean(c.shortcut.shift) === e.shiftKey) ??
    null
  );
}
