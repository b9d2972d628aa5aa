import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserHostHandlers } from './browser-host-handlers';
import { flowsDirOf } from './data-dir';
import { createRecentFiles, MAX_RECENT, RECENT_FILE_NAME } from './recent-files';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flowbench-recent-test-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function touch(name: string): Promise<string> {
  const path = join(dataDir, name);
  await writeFile(path, '{}');
  return path;
}

describe('recent files', () => {
  it('lists newest first, moves a reopened file to the top and persists', async () => {
    const a = await touch('a.flow.json');
    const b = await touch('b.flow.json');
    const recent = createRecentFiles(dataDir);
    await recent.record(a, 1);
    await recent.record(b, 2);
    await recent.record(a, 3);
    const again = createRecentFiles(dataDir);
    expect(await again.list()).toEqual([
      { name: 'a.flow.json', path: a, openedAt: 3 },
      { name: 'b.flow.json', path: b, openedAt: 2 },
    ]);
    expect(await again.has(b)).toBe(true);
    expect(await again.has(join(dataDir, 'c.flow.json'))).toBe(false);
  });

  it('keeps at most MAX_RECENT, drops missing files and honours the filter', async () => {
    const recent = createRecentFiles(dataDir);
    const paths: string[] = [];
    for (let i = 0; i < MAX_RECENT + 3; i += 1) paths.push(await touch(`f${i}.flow.json`));
    // Recorded concurrently: the chained writes must not lose entries.
    await Promise.all(paths.map((p, i) => recent.record(p, i)));
    expect(await recent.list()).toHaveLength(MAX_RECENT);
    await unlink(paths[paths.length - 1]);
    const listed = await recent.list((p) => !p.endsWith('f11.flow.json'));
    expect(listed.map((f) => f.name)).toEqual([
      'f10.flow.json',
      'f9.flow.json',
      'f8.flow.json',
      'f7.flow.json',
      'f6.flow.json',
      'f5.flow.json',
      'f4.flow.json',
      'f3.flow.json',
    ]);
  });

  it('starts over from an unreadable list', async () => {
    await writeFile(join(dataDir, RECENT_FILE_NAME), 'not json');
    const recent = createRecentFiles(dataDir);
    expect(await recent.list()).toEqual([]);
    const a = await touch('a.flow.json');
    await recent.record(a, 5);
    expect(JSON.parse(await readFile(join(dataDir, RECENT_FILE_NAME), 'utf8'))).toEqual([
      { path: a, openedAt: 5 },
    ]);
  });

  it('is recorded by browser-mode open and save, listing only workspace files', async () => {
    const host = createBrowserHostHandlers(dataDir);
    const saved = await host['file.save']({ suggestedName: 'one', text: '{}' });
    if (saved.canceled) throw new Error('save was canceled');
    await createRecentFiles(dataDir).record(await touch('outside.flow.json'));
    expect((await host['file.recent']({})).files.map((f) => f.path)).toEqual([saved.path]);
    await host['file.open']({ path: saved.path });
    expect((await host['file.recent']({})).files[0].path).toBe(join(flowsDirOf(dataDir), 'one.flow.json'));
  });
});
