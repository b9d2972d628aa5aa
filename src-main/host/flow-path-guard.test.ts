import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFlowFileName, resolveWorkspaceFlowPath, sanitizeFlowFileName } from './flow-path-guard';

const flows = resolve('/data/flowbench/flows');

describe('resolveWorkspaceFlowPath', () => {
  it('accepts *.flow.json directly in the flows folder, absolute or relative', () => {
    expect(resolveWorkspaceFlowPath(flows, 'orders.flow.json')).toBe(join(flows, 'orders.flow.json'));
    expect(resolveWorkspaceFlowPath(flows, join(flows, 'orders.flow.json'))).toBe(
      join(flows, 'orders.flow.json'),
    );
    expect(resolveWorkspaceFlowPath(`${flows}/`, './a b.flow.json')).toBe(join(flows, 'a b.flow.json'));
  });

  it('refuses traversal, other folders, sub-folders and other extensions', () => {
    expect(resolveWorkspaceFlowPath(flows, '../flowbench.db')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, '../x.flow.json')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, '/etc/passwd')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, '/tmp/x.flow.json')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, `${flows}-other/x.flow.json`)).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, 'sub/x.flow.json')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, 'x.json')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, 'x.flow.json.exe')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, '.flow.json')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, '.hidden.flow.json')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, 'x.flow.json\0.txt')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, '')).toBeNull();
    expect(resolveWorkspaceFlowPath(flows, flows)).toBeNull();
  });
});

describe('sanitizeFlowFileName', () => {
  it('keeps readable names and adds the suffix once', () => {
    expect(sanitizeFlowFileName('Order saga')).toBe('Order saga.flow.json');
    expect(sanitizeFlowFileName('orders.flow.json')).toBe('orders.flow.json');
    expect(sanitizeFlowFileName('orders.json')).toBe('orders.flow.json');
    expect(sanitizeFlowFileName('Bestellungen-Übersicht')).toBe('Bestellungen-Übersicht.flow.json');
  });

  it('drops folders and unsafe characters', () => {
    expect(sanitizeFlowFileName('../../etc/passwd')).toBe('passwd.flow.json');
    expect(sanitizeFlowFileName('..\\..\\win.ini')).toBe('win.ini.flow.json');
    expect(sanitizeFlowFileName('a:b*c?"<>|')).toBe('a-b-c.flow.json');
    expect(sanitizeFlowFileName('...')).toBe('untitled.flow.json');
    expect(sanitizeFlowFileName('')).toBe('untitled.flow.json');
    expect(sanitizeFlowFileName(undefined)).toBe('untitled.flow.json');
    expect(sanitizeFlowFileName('CON')).toBe('flow-CON.flow.json');
    expect(sanitizeFlowFileName('x'.repeat(300))).toHaveLength(100 + '.flow.json'.length);
  });

  it('always yields a name the guard accepts', () => {
    for (const name of ['../a', '.hidden', ' spaced ', '/', 'a/b/c.flow.json', '\0', '🚀 launch']) {
      expect(isFlowFileName(sanitizeFlowFileName(name))).toBe(true);
      expect(resolveWorkspaceFlowPath(flows, sanitizeFlowFileName(name))).not.toBeNull();
    }
  });
});
