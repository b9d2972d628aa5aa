import { expect, test } from './fixtures/app';

test('Ctrl+F finds a node by name, selects it and centres it', async ({ workbench }, testInfo) => {
  const { palette, canvas, editing, toolbar } = workbench;
  await toolbar.newFlow();
  await palette.dragToCanvas('producer', 120, 100);
  const far = await palette.dragToCanvas('rabbitQueue', 680, 470);

  await editing.shortcut('Control+F');
  await editing.findInput().fill('queue');
  await expect(editing.findMatches()).toHaveCount(1);
  await workbench.screenshot(testInfo, 'find-box');
  await editing.findInput().press('Enter');
  await expect(canvas.node(far)).toHaveClass(/selected/);
  const pane = await canvas.pane.boundingBox();
  await expect
    .poll(async () => {
      const b = await editing.box(far);
      return Math.hypot(
        b.x + b.width / 2 - (pane!.x + pane!.width / 2),
        b.y + b.height / 2 - (pane!.y + pane!.height / 2),
      );
    })
    .toBeLessThan(4);
});

test('the ? sheet lists every command with its shortcut', async ({ workbench }, testInfo) => {
  const sheet = await workbench.editing.openShortcuts();
  for (const [label, keys] of [
    ['Save', 'Ctrl+S'],
    ['Undo', 'Ctrl+Z'],
    ['Redo', 'Ctrl+Shift+Z'],
    ['Redo', 'Ctrl+Y'],
    ['Copy', 'Ctrl+C'],
    ['Paste', 'Ctrl+V'],
    ['Duplicate', 'Ctrl+D'],
    ['Delete', 'Del'],
    ['Select all', 'Ctrl+A'],
    ['Align left', 'Ctrl+Shift+←'],
    ['Distribute horizontally', 'Shift+H'],
    ['Auto-layout', 'Ctrl+Shift+L'],
    ['Snap to grid', 'Shift+G'],
    ['Zoom to fit', 'Shift+1'],
    ['Find node…', 'Ctrl+F'],
    ['Add node…', 'Shift+A'],
    ['Keyboard shortcuts', '?'],
  ]) {
    await expect(
      sheet
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
        .first(),
    ).toBeVisible();
    await expect(sheet.getByText(keys, { exact: true }).first()).toBeVisible();
  }
  await workbench.screenshot(testInfo, 'shortcuts-sheet');
  await workbench.press('Escape');
  await expect(sheet).toBeHidden();

  // Keys typed into a field stay there: `?` in the flow name opens nothing.
  await workbench.page.getByLabel('Flow name').press('Shift+?');
  await expect(sheet).toBeHidden();
});

test('double-click on the canvas adds a node of the chosen kind there', async ({ workbench }, testInfo) => {
  const { canvas, editing, toolbar } = workbench;
  await toolbar.newFlow();
  const add = await editing.openQuickAdd(500, 300);
  await expect(editing.quickAddOptions().first()).toBeVisible();
  await add.getByRole('combobox').fill('queue');
  // Kinds whose name matches come before kinds that only mention it.
  await expect(editing.quickAddOptions().first()).toContainText('RabbitMQ queue');
  await workbench.screenshot(testInfo, 'quick-add');
  await add.getByRole('combobox').press('Enter');
  await expect(add).toBeHidden();
  await expect(canvas.nodes()).toHaveCount(1);
  const at = await canvas.pointAt(500, 300);
  const box = await editing.box((await canvas.nodeIds())[0]);
  expect(box.x).toBeLessThan(at.x);
  expect(box.x + box.width).toBeGreaterThan(at.x);
  expect(box.y).toBeLessThan(at.y);
  expect(box.y + box.height).toBeGreaterThan(at.y);

  // Escape closes without adding.
  const again = await editing.openQuickAdd(200, 500);
  await again.getByRole('combobox').press('Escape');
  await expect(again).toBeHidden();
  await expect(canvas.nodes()).toHaveCount(1);
});

test('context menus delete a node or a connection, and the canvas menu selects all', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, editing, toolbar } = workbench;
  await toolbar.newFlow();
  const producer = await palette.dragToCanvas('producer', 130, 200);
  const topic = await palette.dragToCanvas('kafkaTopic', 410, 200);
  const consumer = await palette.dragToCanvas('consumer', 680, 200);
  await canvas.connect(producer, topic);
  await canvas.connect(topic, consumer);

  const paneMenu = await editing.contextMenuOnCanvas(400, 480);
  await workbench.screenshot(testInfo, 'context-menu-canvas');
  await editing.choose(paneMenu, 'Select all');
  await expect(editing.selectedNodes()).toHaveCount(3);

  await editing.choose(await editing.contextMenuOnEdge(producer, topic), 'Delete');
  await expect(canvas.edges()).toHaveCount(1);
  await expect(canvas.nodes()).toHaveCount(3);

  await editing.choose(await editing.contextMenuOnNode(consumer), 'Delete');
  await expect(canvas.nodes()).toHaveCount(2);
  await expect(canvas.edges()).toHaveCount(0);

  await editing.shortcut('Control+Z');
  await expect(canvas.nodes()).toHaveCount(3);
  await expect(canvas.edges()).toHaveCount(1);
});
