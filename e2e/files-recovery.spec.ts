import { readFile, writeFile } from 'node:fs/promises';
import { FLOW_FORMAT_VERSION } from '@shared/flow/document';
import { expect, test } from './fixtures/app';
import { reloadApp } from './pages/app-state';
import { FilesPage } from './pages/files';

test('Recent lists opened and saved files, newest first, across reloads', async ({ workbench, server }) => {
  const { palette, toolbar, canvas, page } = workbench;
  const files = new FilesPage(page, server.dataDir);

  await toolbar.newFlow();
  await palette.dragToCanvas('producer', 200, 200);
  await toolbar.saveAs('alpha');
  await toolbar.newFlow();
  await palette.dragToCanvas('rabbitQueue', 300, 200);
  await palette.dragToCanvas('consumer', 600, 200);
  await toolbar.saveAs('beta');
  await expect.poll(() => files.recentNames()).toEqual(['beta.flow.json', 'alpha.flow.json']);

  await files.openRecent('alpha.flow.json');
  await expect(canvas.nodes()).toHaveCount(1);
  await expect.poll(() => workbench.title()).toBe('alpha.flow.json — Flowbench');

  // The list lives in the workspace, not the page: it survives a reload.
  await reloadApp(page);
  await expect.poll(() => files.recentNames()).toEqual(['alpha.flow.json', 'beta.flow.json']);
});

test('autosave keeps unsaved changes through a crash and offers them back', async ({ workbench, server }) => {
  const { toolbar, page } = workbench;
  const files = new FilesPage(page, server.dataDir);

  await files.flowName().fill('Edited before the crash');
  await files.waitForAutosave();
  await expect.poll(() => files.hasRecoveryFile()).toBe(true);

  // A reload drops the page without saving, as a crash of the window would.
  await reloadApp(page);
  await expect(files.restoreDialog()).toContainText(
    'Restore unsaved changes to Edited before the crash from',
  );
  await files.answerRestore('Restore');
  await expect(files.flowName()).toHaveValue('Edited before the crash');
  await expect.poll(() => workbench.title()).toBe('● Edited before the crash — Flowbench');

  // Saving ends the need for a recovery file.
  await toolbar.saveAs('after-crash');
  await expect.poll(() => files.hasRecoveryFile()).toBe(false);
  await expect(files.autosave).toBeHidden();

  // Discard drops the changes for good: no offer after the next reload either.
  await files.flowName().fill('Changes to throw away');
  await files.waitForAutosave();
  await reloadApp(page);
  await expect(files.restoreDialog()).toContainText('after-crash.flow.json');
  await files.answerRestore('Discard');
  await expect(files.flowName()).toHaveValue('Edited before the crash');
  await expect.poll(() => files.hasRecoveryFile()).toBe(false);
});

test('save → reopen → save writes byte-identical files', async ({ workbench, server }) => {
  const { toolbar, dialogs, page } = workbench;
  const files = new FilesPage(page, server.dataDir);

  await toolbar.saveAs('stable');
  const first = await files.flowBytes('stable.flow.json');
  expect(JSON.parse(first.toString('utf8'))).toMatchObject({ version: FLOW_FORMAT_VERSION });

  await toolbar.newFlow();
  await dialogs.openFile('stable.flow.json');
  await expect.poll(() => workbench.title()).toBe('stable.flow.json — Flowbench');
  await workbench.press('Control+S');
  await expect(workbench.alert('Saved stable.flow.json').first()).toBeVisible();
  const second = await files.flowBytes('stable.flow.json');
  expect(second.equals(first)).toBe(true);
});

test('a format v1 file is converted on open and saved in the current format', async ({
  workbench,
  server,
}) => {
  const { dialogs, canvas, page } = workbench;
  const files = new FilesPage(page, server.dataDir);
  const v1 = {
    version: 1,
    name: 'Old orders',
    nodes: [
      { id: 'p', kind: 'producer', position: { x: 0, y: 0 }, config: { name: 'orders' } },
      { id: 't', kind: 'kafkaTopic', position: { x: 320, y: 0 }, config: { topic: 'orders' } },
      { id: 'c', kind: 'consumer', position: { x: 640, y: 0 }, config: { name: 'billing', group: '' } },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 't', targetHandle: null },
      { id: 'e2', source: 't', target: 'c' },
    ],
  };
  await writeFile(files.flowPath('old.flow.json'), JSON.stringify(v1, null, 2));

  await dialogs.openFile('old.flow.json');
  await expect(
    workbench.alert(`Converted from format v1; saving writes v${FLOW_FORMAT_VERSION}.`),
  ).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(3);
  // Converted but not yet written: the flow counts as unsaved.
  await expect.poll(() => workbench.title()).toBe('● old.flow.json — Flowbench');

  await workbench.press('Control+S');
  await expect.poll(() => workbench.title()).toBe('old.flow.json — Flowbench');
  const saved = await files.flowBytes('old.flow.json');
  const doc = JSON.parse(saved.toString('utf8')) as { version: number; nodes: Array<{ config: object }> };
  expect(doc.version).toBe(FLOW_FORMAT_VERSION);
  expect(doc.nodes[2].config).toMatchObject({ group: 'billing' });

  // Reopened, the file is current: no notice, not unsaved, and saving changes no byte.
  await dialogs.openFile('old.flow.json');
  await expect.poll(() => workbench.title()).toBe('old.flow.json — Flowbench');
  await workbench.press('Control+S');
  await expect(workbench.alert('Saved old.flow.json').first()).toBeVisible();
  expect((await files.flowBytes('old.flow.json')).equals(saved)).toBe(true);
});

test('a partial file is refused with the reason and never overwritten', async ({ workbench, server }) => {
  const { toolbar, dialogs, canvas, page } = workbench;
  const files = new FilesPage(page, server.dataDir);

  await toolbar.saveAs('current');
  const partial = '{\n  "version": 2,\n  "name": "Cut off",\n  "nodes": [\n    { "id": "a", "kind": "produ';
  await writeFile(files.flowPath('partial.flow.json'), partial);

  await dialogs.openFile('partial.flow.json');
  await expect(dialogs.cannotOpen()).toContainText('not valid JSON');
  await dialogs.close(dialogs.cannotOpen());
  await expect(canvas.nodes()).not.toHaveCount(0);
  await expect.poll(() => workbench.title()).toBe('current.flow.json — Flowbench');

  // Save still goes to the flow's own file; the refused one keeps its bytes.
  await files.flowName().fill('Still the current flow');
  await workbench.press('Control+S');
  await expect.poll(() => workbench.title()).toBe('current.flow.json — Flowbench');
  expect(await readFile(files.flowPath('partial.flow.json'), 'utf8')).toBe(partial);
  expect((await files.flowBytes('current.flow.json')).toString('utf8')).toContain('Still the current flow');
});
