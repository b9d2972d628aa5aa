import { readSavedFlow } from './fixtures/flow-files';
import { expect, test } from './fixtures/app';
import type { Workbench } from './pages/workbench';

/** Presses a shortcut `times` times with the canvas focused. */
async function pressTimes(workbench: Workbench, keys: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await workbench.editing.shortcut(keys);
}

test('a chain of 20 edits is undone to the start and redone to the end', async ({ workbench, server }) => {
  const { palette, canvas, inspector, toolbar, editing } = workbench;
  await toolbar.newFlow();
  const producer = await palette.dragToCanvas('producer', 130, 120); // 1
  const topic = await palette.dragToCanvas('kafkaTopic', 410, 120); // 2
  const consumer = await palette.dragToCanvas('consumer', 680, 120); // 3
  await canvas.connect(producer, topic); // 4
  await canvas.connect(topic, consumer); // 5
  await editing.dragNode(producer, 0, 120); // 6
  await editing.dragNode(consumer, 40, -60); // 7
  await canvas.select(topic);
  await inspector.fill('Topic', 'orders'); // 8
  await canvas.select(consumer);
  await inspector.fill('Name', 'billing'); // 9
  const queue = await palette.dragToCanvas('rabbitQueue', 410, 400); // 10
  await toolbar.saveAs('chain-10');
  await canvas.connect(producer, queue); // 11
  await canvas.select(queue);
  await inspector.fill('Queue', 'jobs'); // 12
  const worker = await palette.dragToCanvas('consumer', 680, 400); // 13
  await canvas.connect(queue, worker); // 14
  await editing.dragNode(worker, 60, 40); // 15
  await canvas.select(worker);
  await workbench.press('Control+D'); // 16
  await expect(canvas.nodes()).toHaveCount(6);
  await canvas.select(topic);
  await canvas.deleteSelection(); // 17: the topic and both its connections
  await expect(canvas.edges()).toHaveCount(2);
  await editing.dragNode(queue, -40, 0); // 18
  await canvas.select(queue);
  await inspector.fill('Name', 'jobs-queue'); // 19
  const add = await editing.openQuickAdd(250, 520);
  await add.getByRole('combobox').fill('kafka topic');
  await add.getByRole('combobox').press('Enter'); // 20
  await expect(canvas.nodes()).toHaveCount(6);
  await toolbar.saveAs('chain-end');
  const end = await readSavedFlow(server, 'chain-end');

  await pressTimes(workbench, 'Control+Z', 10);
  await expect(canvas.nodes()).toHaveCount(4);
  await toolbar.saveAs('chain-undone-10');
  expect(await readSavedFlow(server, 'chain-undone-10')).toEqual(await readSavedFlow(server, 'chain-10'));

  await pressTimes(workbench, 'Control+Z', 10);
  await expect(canvas.nodes()).toHaveCount(0);
  await expect(editing.toolbarButton('Undo')).toBeDisabled();

  await pressTimes(workbench, 'Control+Shift+Z', 10);
  await pressTimes(workbench, 'Control+Y', 10);
  await expect(editing.toolbarButton('Redo')).toBeDisabled();
  await toolbar.saveAs('chain-redone');
  expect(await readSavedFlow(server, 'chain-redone')).toEqual(end);
});

test('a drag is one undo step, and undoing back to the saved state makes the flow clean', async ({
  workbench,
}) => {
  const { palette, toolbar, editing, canvas } = workbench;
  await toolbar.newFlow();
  const node = await palette.dragToCanvas('producer', 300, 200);
  await toolbar.saveAs('drag-one-step');
  await expect.poll(() => workbench.title()).toBe('drag-one-step.flow.json — Flowbench');
  const before = await editing.box(node);

  await editing.dragNode(node, 240, 160);
  await expect.poll(() => workbench.title()).toMatch(/^● /);
  await editing.shortcut('Control+Z');
  await expect.poll(() => editing.box(node)).toEqual(before);
  await expect.poll(() => workbench.title()).toBe('drag-one-step.flow.json — Flowbench');

  await editing.toolbarButton('Redo').click();
  await expect.poll(async () => (await editing.box(node)).x).toBeGreaterThan(before.x + 200);
  await expect.poll(() => workbench.title()).toMatch(/^● /);
  await editing.toolbarButton('Undo').click();
  await editing.toolbarButton('Undo').click();
  await expect(canvas.nodes()).toHaveCount(0);
});

test('duplicate copies the selection with its connections, offset, with new ids and names', async ({
  workbench,
}) => {
  const { palette, canvas, editing, toolbar } = workbench;
  await toolbar.newFlow();
  const producer = await palette.dragToCanvas('producer', 200, 160);
  const topic = await palette.dragToCanvas('kafkaTopic', 560, 160);
  await canvas.connect(producer, topic);
  await canvas.select(producer);
  await editing.shiftClick(topic);
  await expect(editing.selectedNodes()).toHaveCount(2);

  await workbench.press('Control+D');
  await expect(canvas.nodes()).toHaveCount(4);
  await expect(canvas.edges()).toHaveCount(2);
  await expect(canvas.node('producer-2')).toContainText('producer-2');
  await expect(canvas.node('topic-2')).toBeVisible();
  await expect(editing.selectedNodes()).toHaveCount(2);
  const a = await editing.box(producer);
  const b = await editing.box('producer-2');
  expect(b.x).toBeGreaterThan(a.x);
  expect(b.y).toBeGreaterThan(a.y);
});

test('multi-select by box and shift-click, align and distribute, each one undo step', async ({
  workbench,
}, testInfo) => {
  const { palette, editing, toolbar } = workbench;
  await toolbar.newFlow();
  const a = await palette.dragToCanvas('producer', 160, 120);
  const b = await palette.dragToCanvas('kafkaTopic', 400, 320);
  const c = await palette.dragToCanvas('consumer', 680, 180);

  await editing.focusCanvas();
  await editing.boxSelect({ x: 20, y: 40 }, { x: 540, y: 440 });
  await expect(editing.selectedNodes()).toHaveCount(2);
  await editing.shiftClick(c);
  await expect(editing.selectedNodes()).toHaveCount(3);

  await editing.alignFromToolbar('Align top');
  await expect
    .poll(async () => new Set(await Promise.all([a, b, c].map(async (id) => (await editing.box(id)).y))).size)
    .toBe(1);

  const menu = await editing.contextMenuOnNode(b);
  await workbench.screenshot(testInfo, 'context-menu-node');
  await editing.choose(menu, 'Distribute horizontally');
  await expect
    .poll(async () => {
      const [p, q, r] = await Promise.all([a, b, c].map((id) => editing.box(id)));
      return Math.round(q.x - (p.x + p.width)) - Math.round(r.x - (q.x + q.width));
    })
    .toBeLessThanOrEqual(1);

  await editing.shortcut('Control+Z');
  await expect.poll(async () => (await editing.box(b)).x).toBeLessThan((await editing.box(a)).x + 300);
  await editing.shortcut('Control+Z');
  await expect.poll(async () => (await editing.box(b)).y).toBeGreaterThan((await editing.box(a)).y + 100);
});

test('auto-layout puts a chain left to right and is undone in one step', async ({ workbench }) => {
  const { palette, canvas, editing, toolbar } = workbench;
  await toolbar.newFlow();
  const consumer = await palette.dragToCanvas('consumer', 130, 380);
  const topic = await palette.dragToCanvas('kafkaTopic', 400, 120);
  const producer = await palette.dragToCanvas('producer', 680, 420);
  await canvas.connect(producer, topic);
  await canvas.connect(topic, consumer);
  const xs = async (): Promise<number[]> =>
    Promise.all([producer, topic, consumer].map(async (id) => (await editing.box(id)).x));

  await editing.toolbarButton('Auto-layout').click();
  await expect
    .poll(async () => {
      const [p, t, c] = await xs();
      return p < t && t < c;
    })
    .toBe(true);

  await editing.shortcut('Control+Z');
  await expect
    .poll(async () => {
      const [p, t, c] = await xs();
      return p > t && t > c;
    })
    .toBe(true);
  await expect(canvas.edges()).toHaveCount(2);
});

test('snap to grid places dragged nodes on the 16 px grid', async ({ workbench, server }) => {
  const { palette, editing, toolbar } = workbench;
  await toolbar.newFlow();
  const node = await palette.dragToCanvas('producer', 300, 200);
  await editing.toolbarButton('Snap to grid').click();
  await expect(editing.toolbarButton('Snap to grid')).toHaveAttribute('aria-pressed', 'true');
  await editing.dragNode(node, 97, 53);
  await toolbar.saveAs('snapped');
  const [saved] = (await readSavedFlow(server, 'snapped')).nodes;
  expect(saved.position.x % 16).toBe(0);
  expect(saved.position.y % 16).toBe(0);
});
