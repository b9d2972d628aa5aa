import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';

test('save, open, and a bad file never replaces the current flow', async ({
  workbench,
  server,
}, testInfo) => {
  const { palette, canvas, toolbar, dialogs } = workbench;

  await toolbar.newFlow();
  const producer = await palette.dragToCanvas('producer', 200, 200);
  const queue = await palette.dragToCanvas('rabbitQueue', 520, 200);
  await canvas.connect(producer, queue);
  await expect.poll(() => workbench.title()).toBe('● Untitled flow — Flowbench');

  await toolbar.saveAs('two-nodes');
  await expect.poll(() => workbench.title()).toBe('two-nodes.flow.json — Flowbench');

  // An edit marks the title; Ctrl+S saves to the same file.
  await canvas.select(queue);
  await workbench.inspector.fill('Queue', 'jobs');
  await expect.poll(() => workbench.title()).toBe('● two-nodes.flow.json — Flowbench');
  await workbench.press('Control+S');
  await expect.poll(() => workbench.title()).toBe('two-nodes.flow.json — Flowbench');

  // New asks before discarding changes; Cancel keeps the flow.
  await workbench.inspector.fill('Queue', 'jobs-2');
  await toolbar.pressNew();
  await toolbar.discardDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(canvas.nodes()).toHaveCount(2);

  await toolbar.newFlow();
  await expect(canvas.nodes()).toHaveCount(0);
  await dialogs.openFile('two-nodes.flow.json');
  await expect(canvas.node(queue)).toContainText('jobs');
  await expect(canvas.node(queue)).not.toContainText('jobs-2');
  await expect(canvas.nodes()).toHaveCount(2);
  await expect(canvas.edges()).toHaveCount(1);

  await writeFile(
    join(server.dataDir, 'flows', 'broken.flow.json'),
    JSON.stringify({
      version: 1,
      name: 'broken',
      nodes: [{ id: 't', kind: 'kafkaTopic', config: { topic: '' } }],
    }),
  );
  await dialogs.openFile('broken.flow.json');
  const problems = dialogs.cannotOpen();
  await expect(problems).toContainText('config.topic is required');
  await workbench.screenshot(testInfo, 'cannot-open');
  await dialogs.close(problems);
  await expect(canvas.nodes()).toHaveCount(2);
  await expect.poll(() => workbench.title()).toBe('two-nodes.flow.json — Flowbench');
});
