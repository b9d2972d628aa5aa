import { describe, expect, it } from 'vitest';
import { commandForKey } from './commands';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
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

  it('ignores plain keys and Alt combinations', () => {
    expect(commandForKey(key('s'))).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(key('x', { ctrlKey: true }))).toBeNull();
  });
});
