import { readSavedFlow } from './fixtures/flow-files';
import { expect, test } from './fixtures/app';

test('copy and paste within a flow and into a new flow, with ids remapped', async ({ workbench, server }) => {
  const { palette, canvas, editing, toolbar } = workbench;
  await workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await toolbar.newFlow();
  const producer = await palette.dragToCanvas('producer', 130, 120);
  const topic = await palette.dragToCanvas('kafkaTopic', 410, 120);
  await canvas.connect(producer, topic);
  await canvas.select(producer);
  await editing.shiftClick(topic);
  await workbench.press('Control+C');

  // Paste goes where the pointer is.
  await editing.pasteAt(300, 420);
  await expect(canvas.nodes()).toHaveCount(4);
  await expect(canvas.edges()).toHaveCount(2);
  const target = await canvas.pointAt(300, 420);
  const pasted = await editing.box('producer-2');
  expect(Math.abs(pasted.x - target.x)).toBeLessThan(4);
  expect(Math.abs(pasted.y - target.y)).toBeLessThan(4);
  await toolbar.saveAs('pasted-here');
  const here = await readSavedFlow(server, 'pasted-here');
  expect(here.nodes.map((n) => n.id).sort()).toEqual(['producer-1', 'producer-2', 'topic-1', 'topic-2']);
  expect(here.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([
    'producer-1>topic-1',
    'producer-2>topic-2',
  ]);
  expect(here.nodes.find((n) => n.id === 'topic-2')?.config.name).toBe('topic-2');

  // Into a new flow: free ids are kept; a second paste gets new ones.
  await toolbar.newFlow();
  await editing.pasteAt(200, 200);
  await editing.pasteAt(200, 460);
  await expect(canvas.nodes()).toHaveCount(4);
  await expect(canvas.edges()).toHaveCount(2);
  await toolbar.saveAs('pasted-new');
  const other = await readSavedFlow(server, 'pasted-new');
  expect(other.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([
    'producer-1>topic-1',
    'producer-2>topic-2',
  ]);

  // Cut removes, paste brings back.
  await editing.focusCanvas();
  await canvas.select('producer-2');
  await workbench.press('Control+X');
  await expect(canvas.nodes()).toHaveCount(3);
  await editing.pasteAt(560, 460);
  await expect(canvas.nodes()).toHaveCount(4);

  // Text that is not Flowbench nodes is refused politely.
  await editing.putTextOnClipboard('just some text');
  await editing.pasteAt(600, 300);
  await expect(workbench.alert('The clipboard holds no Flowbench nodes.')).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(4);
});

test('copy and paste work without clipboard permission, from the app’s own clipboard', async ({
  workbench,
}) => {
  const { palette, canvas, editing, toolbar } = workbench;
  await toolbar.newFlow();
  const queue = await palette.dragToCanvas('rabbitQueue', 300, 200);
  await canvas.select(queue);
  await workbench.press('Control+C');
  await editing.pasteAt(500, 450);
  await expect(canvas.nodes()).toHaveCount(2);

  // The context menu's Paste puts nodes where the menu was opened.
  const menu = await editing.contextMenuOnCanvas(200, 500);
  await editing.choose(menu, 'Paste');
  await expect(canvas.nodes()).toHaveCount(3);
});
