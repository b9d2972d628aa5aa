import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowsDirOf, resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  const homeDir = '/home/ada';

  it('prefers the explicit folder, then FLOWBENCH_DATA_DIR, then the app default', () => {
    const env = { FLOWBENCH_DATA_DIR: '/env/dir', XDG_DATA_HOME: '/xdg' };
    expect(resolveDataDir({ explicit: 'rel/dir', env, homeDir })).toEqual({
      dir: resolve('rel/dir'),
      source: 'argument',
    });
    expect(resolveDataDir({ env, homeDir, appDefault: '/app' })).toEqual({
      dir: '/env/dir',
      source: 'FLOWBENCH_DATA_DIR',
    });
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/xdg' }, homeDir, appDefault: '/app' })).toEqual({
      dir: '/app',
      source: 'app',
    });
  });

  it('falls back to XDG_DATA_HOME (absolute only), then ~/.local/share', () => {
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/xdg' }, homeDir })).toEqual({
      dir: '/xdg/flowbench',
      source: 'XDG_DATA_HOME',
    });
    expect(resolveDataDir({ env: { XDG_DATA_HOME: 'relative' }, homeDir }).dir).toBe(
      '/home/ada/.local/share/flowbench',
    );
    expect(resolveDataDir({ env: {}, homeDir })).toEqual({
      dir: '/home/ada/.local/share/flowbench',
      source: 'home',
    });
  });

  it('keeps flows in a sub-folder', () => {
    expect(flowsDirOf('/d')).toBe(join('/d', 'flows'));
  });
});
