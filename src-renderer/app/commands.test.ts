import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '@shared/api/contract';
import { COMMANDS, commandForKey, formatShortcut } from './commands';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  code?: string,
) => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandForKey', () => {
  it('maps Ctrl/Cmd shortcuts to file commands', () => {
    expect(commandForKey(key('s', { ctrlKey: true }))?.id).toBe('save');
    expect(commandForKey(key('S', { metaKey: true, shiftKey: true }))?.id).toBe('saveAs');
    expect(commandForKey(key('o', { ctrlKey: true }))?.id).toBe('open');
    expect(commandForKey(key('n', { metaKey: true }))?.id).toBe('new');
  });

  it('maps editing keys, including second shortcuts and symbols', () => {
    expect(commandForKey(key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
    expect(commandForKey(key('y', { ctrlKey: true }))?.id).toBe('redo');
    expect(commandForKey(key('x', { ctrlKey: true }))?.id).toBe('cut');
    expect(commandForKey(key('Delete'))?.id).toBe('delete');
    expect(commandForKey(key('Backspace'))?.id).toBe('delete');
    expect(commandForKey(key('?', { shiftKey: true }))?.id).toBe('shortcuts');
    expect(commandForKey(key('!', { shiftKey: true }, 'Digit1'))?.id).toBe('zoomToFit');
    expect(commandForKey(key('ArrowLeft', { ctrlKey: true, shiftKey: true }))?.id).toBe('alignLeft');
  });

  it('ignores plain keys and Alt combinations', () => {
    expect(commandForKey(key('s'))).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(key('ArrowLeft'))).toBeNull();
  });
});

describe('registry', () => {
  it('has a command for every desktop menu item, and every key is unique', () => {
    for (const id of MENU_COMMANDS) expect(COMMANDS[id]?.id).toBe(id);
    const seen = new Map<string, string>();
    for (const c of Object.values(COMMANDS)) {
      for (const s of [c.shortcut, ...(c.moreShortcuts ?? [])]) {
        if (!s) continue;
        const text = formatShortcut(s, false);
        expect(seen.get(text), `${text} of ${c.id}`).toBeUndefined();
        seen.set(text, c.id);
      }
    }
  });

  it('formats shortcuts for each platform', () => {
    expect(formatShortcut({ key: 's', mod: true, shift: true }, false)).toBe('Ctrl+Shift+S');
    expect(formatShortcut({ key: 's', mod: true, shift: true }, true)).toBe('⌘⇧S');
    expect(formatShortcut({ key: '?' }, false)).toBe('?');
    expect(formatShortcut({ key: '1', shift: true, code: 'Digit1' }, false)).toBe('Shift+1');
  });
});
