import { useEffect } from 'react';
import { menuCommandSchema, type MenuCommand } from '@shared/api/contract';
import type { Command } from '../commands/command';
import { api, appInfo, errorText } from './api-holder';
import { commandForKey, COMMANDS } from './commands';
import { showNotice } from './notice-store';

/** On desktop the File menu's accelerators consume these keys, so the page leaves them alone. */
const DESKTOP_MENU_KEYS = new Set<string>(['new', 'open', 'save', 'saveAs']);

/** What the Edit menu means while a text field has focus: the field's own editing. */
const NATIVE_EDIT: Partial<Record<MenuCommand, string>> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  delete: 'delete',
  selectAll: 'selectAll',
};

function isTextEntry(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function run(command: Command, source: 'keyboard' | 'menu'): void {
  if (command.enabled && !command.enabled()) return;
  Promise.resolve(command.handler({ source })).catch((err: unknown) =>
    showNotice(`${command.label} failed: ${errorText(err)}`, { tone: 'error', ms: 8000 }),
  );
}

/** Whether a key press may run `command` where it happened. */
function keyApplies(command: Command, e: KeyboardEvent): boolean {
  if (appInfo().mode === 'desktop' && DESKTOP_MENU_KEYS.has(command.id)) return false;
  // A modal dialog owns the keyboard until it closes.
  if (document.querySelector('dialog[open]')) return false;
  const target = e.target instanceof HTMLElement ? e.target : document.body;
  // While typing, keys edit the text; only file commands (Ctrl+S…) still apply, as before.
  if (isTextEntry(target)) return command.group === 'File';
  if (command.scope === 'global') return true;
  // Canvas commands act on the canvas selection: not while another panel (the message
  // list, the inspector) has focus, where Ctrl+C or Delete mean something else.
  return target === document.body || target.closest('.fb-canvas, .fb-toolbar') !== null;
}

/**
 * Runs commands from the desktop menu and from the keyboard, both through the registry.
 * The menu's payload is parsed before anything runs; a key that runs a command is not
 * passed on (so Ctrl+D bookmarks nothing and Electron's menu does not run it again).
 */
export function useCommandSources(): void {
  useEffect(() => {
    const offMenu = api().on('menu.command', (e) => {
      const parsed = menuCommandSchema.safeParse((e as { command?: unknown } | null)?.command);
      if (!parsed.success) return;
      const native = NATIVE_EDIT[parsed.data];
      if (native && isTextEntry(document.activeElement)) {
        document.execCommand(native);
        return;
      }
      run(COMMANDS[parsed.data], 'menu');
    });
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const command = commandForKey(e);
      if (!command || !keyApplies(command, e)) return;
      e.preventDefault();
      run(command, 'keyboard');
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offMenu();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
