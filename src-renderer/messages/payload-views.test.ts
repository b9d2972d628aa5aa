import { describe, expect, it } from 'vitest';
import { base64ToBytes, hexDump } from './hex-dump';
import { diffHeaders, diffLines, sideBySide } from './text-diff';

describe('hex dump', () => {
  it('shows offset, 16 hex bytes and printable ASCII per line', () => {
    const bytes = base64ToBytes(btoa('Hello, \u0000world!\u00ff0123456789'));
    const lines = hexDump(bytes).split('\n');
    expect(lines[0]).toBe('00000000  48 65 6c 6c 6f 2c 20 00  77 6f 72 6c 64 21 ff 30  |Hello, .world!.0|');
    expect(lines[1].startsWith('00000010  31 32 33')).toBe(true);
    expect(lines[1].endsWith('|123456789|')).toBe(true);
  });

  it('stops at the limit', () => {
    expect(hexDump(new Uint8Array(1024 * 1024), 64).split('\n')).toHaveLength(4);
  });
});

describe('message compare', () => {
  it('diffs payload lines, keeping the common lines once', () => {
    const a = JSON.stringify({ id: 1, customer: { id: 42, name: 'Ada' }, total: 10 }, null, 2);
    const b = JSON.stringify({ id: 2, customer: { id: 42, name: 'Ada' }, total: 10, rush: true }, null, 2);
    const d = diffLines(a, b);
    expect(d.filter((l) => l.kind === 'removed').map((l) => l.text.trim())).toEqual([
      '"id": 1,',
      '"total": 10',
    ]);
    expect(d.filter((l) => l.kind === 'added').map((l) => l.text.trim())).toEqual([
      '"id": 2,',
      '"total": 10,',
      '"rush": true',
    ]);
    expect(d.filter((l) => l.kind === 'same').map((l) => l.text.trim())).toContain('"name": "Ada"');
    // Side by side, each changed line faces its replacement.
    const rows = sideBySide(d).filter((r) => r.changed);
    expect(rows.map((r) => [r.left?.trim() ?? null, r.right?.trim() ?? null])).toEqual([
      ['"id": 1,', '"id": 2,'],
      ['"total": 10', '"total": 10,'],
      [null, '"rush": true'],
    ]);
  });

  it('lists every header of either side and marks the differences', () => {
    expect(diffHeaders({ a: '1', b: '2' }, { b: '3', c: '4' })).toEqual([
      { name: 'a', left: '1', right: undefined, changed: true },
      { name: 'b', left: '2', right: '3', changed: true },
      { name: 'c', left: undefined, right: '4', changed: true },
    ]);
  });
});
