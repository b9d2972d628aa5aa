import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserHostHandlers } from './browser-host-handlers';
import { flowsDirOf } from './data-dir';
import { listFlowFiles, readWorkspaceFlow, saveWorkspaceFlow } from './workspace-files';

let dataDir: string;
let flows: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flowbench-workspace-test-'));
  flows = flowsDirOf(dataDir);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('workspace files', () => {
  it('saves new files under sanitized, never-clobbering names, atomically', async () => {
    const first = await saveWorkspaceFlow(flows, { suggestedName: '../Orders', text: 'one' });
    const second = await saveWorkspaceFlow(flows, { suggestedName: 'Orders', text: 'two' });
    expect(first).toBe(join(flows, 'Orders.flow.json'));
    expect(second).toBe(join(flows, 'Orders-2.flow.json'));
    await saveWorkspaceFlow(flows, { path: first, text: 'three' });
    expect(await readFile(first, 'utf8')).toBe('three');
    // No temp files are left behind.
    expect((await readdir(flows)).sort()).toEqual(['Orders-2.flow.json', 'Orders.flow.json']);
  });

  it('lists only *.flow.json files', async () => {
    await saveWorkspaceFlow(flows, { suggestedName: 'a', text: '{}' });
    await writeFile(join(flows, 'notes.txt'), 'x');
    expect((await listFlowFiles(flows)).map((f) => f.name)).toEqual(['a.flow.json']);
  });

  it('refuses paths outside the flows folder', async () => {
    await writeFile(join(dataDir, 'outside.flow.json'), 'secret');
    await expect(readWorkspaceFlow(flows, '../outside.flow.json')).rejects.toThrow(/only \*\.flow\.json/);
    await expect(saveWorkspaceFlow(flows, { path: '/tmp/evil.flow.json', text: 'x' })).rejects.toThrow(
      /only/,
    );
    await expect(saveWorkspaceFlow(flows, { path: join(flows, 'x.sh'), text: 'x' })).rejects.toThrow(/only/);
  });

  it('refuses a symlink that leads out of the folder', async () => {
    await writeFile(join(dataDir, 'outside.flow.json'), 'secret');
    await listFlowFiles(flows); // creates the folder
    await symlink(join(dataDir, 'outside.flow.json'), join(flows, 'link.flow.json'));
    await expect(readWorkspaceFlow(flows, 'link.flow.json')).rejects.toThrow(/outside/);
  });
});

describe('browser host handlers', () => {
  it('reports browser mode and round-trips a file', async () => {
    const host = createBrowserHostHandlers(dataDir);
    expect(await host['app.info']({})).toMatchObject({ mode: 'browser', nativeDialogs: false, dataDir });
    expect(await host['file.open']({})).toEqual({ canceled: true });
    const saved = await host['file.save']({ suggestedName: 'demo', text: '{"v":1}' });
    expect(saved).toEqual({ canceled: false, path: join(flows, 'demo.flow.json') });
    expect(await host['file.open']({ path: join(flows, 'demo.flow.json') })).toEqual({
      canceled: false,
      path: join(flows, 'demo.flow.json'),
      text: '{"v":1}',
    });
    expect((await host['file.list']({})).dir).toBe(flows);
  });
});
