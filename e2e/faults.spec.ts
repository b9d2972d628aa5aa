import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { placeFlow } from './fixtures/workspace';
import type { CanvasPage } from './pages/canvas';
import { BehavioursPage } from './pages/behaviours';
import { ContractPage } from './pages/contract';
import { FaultsPage } from './pages/faults';
import { ThemePage } from './pages/theme';

/**
 * How many messages the consumer receives in `ms`. "Stops growing" can only be seen over a
 * window of time: at 40 msg/s a 1.5 s window holds about 60 messages when nothing is dropped.
 */
async function receivedWithin(page: Page, canvas: CanvasPage, ms: number): Promise<number> {
  const from = await canvas.counter('billing', 'received');
  await page.waitForTimeout(ms);
  return (await canvas.counter('billing', 'received')) - from;
}

/** Waits until the consumer receives nothing for a whole window (messages in flight have landed). */
async function untilNothingArrives(page: Page, canvas: CanvasPage): Promise<void> {
  await expect.poll(() => receivedWithin(page, canvas, 1500), { timeout: 30_000 }).toBe(0);
}

test('a drop fault switched on and off on a running flow stops and resumes delivery', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar, page } = workbench;
  const faults = new FaultsPage(page);
  await placeFlow(server, 'faults.flow.json');
  await toolbar.newFlow();
  await dialogs.openFile('faults.flow.json');
  await toolbar.chooseEnvironment('Embedded');
  await toolbar.run();
  await toolbar.waitForRunState('running');
  await expect.poll(() => canvas.counter('billing', 'received'), { timeout: 30_000 }).toBeGreaterThan(5);

  await canvas.selectEdge('orders', 'inbox');
  await faults.add('Drop');
  await faults.field(1, 'probability').fill('1');
  await expect(faults.edgeBadge('e-orders-inbox')).toHaveText('⚡ 1 fault');

  // Messages already past the edge may still arrive; after that, nothing more does.
  await untilNothingArrives(page, canvas);
  expect(await receivedWithin(page, canvas, 1500), 'received while every message is dropped').toBe(0);
  const after = await canvas.counter('billing', 'received');
  await workbench.screenshot(testInfo, 'drop-fault-on');

  await faults.setEnabled(1, false);
  await expect(faults.edgeBadge('e-orders-inbox')).toBeHidden();
  await expect
    .poll(() => canvas.counter('billing', 'received'), { timeout: 30_000 })
    .toBeGreaterThan(after + 10);
  await workbench.screenshot(testInfo, 'drop-fault-off');

  // Undo brings the switched-on fault back, in the document and in the run.
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  await workbench.press('Control+Z');
  await expect(faults.edgeBadge('e-orders-inbox')).toHaveText('⚡ 1 fault');
  await untilNothingArrives(page, canvas);

  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
});

test('a JSON Schema contract on a queue, with a syntax error at its line, is saved in the file', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar, page } = workbench;
  const contract = new ContractPage(page);
  const faults = new FaultsPage(page);
  await placeFlow(server, 'faults.flow.json');
  await toolbar.newFlow();
  await dialogs.openFile('faults.flow.json');

  await canvas.select('inbox');
  await contract.chooseFormat('JSON Schema');
  const broken =
    '{\n  "type": "object",\n  "required": ["seq"]\n  "properties": {"seq": {"type": "integer"}}\n}';
  await contract.schema().fill(broken);
  await expect(contract.errorAt(4)).toContainText('Line 4');
  await contract.root.scrollIntoViewIfNeeded();
  await workbench.screenshot(testInfo, 'contract-error-light');
  const schema = broken.replace('["seq"]\n', '["seq"],\n');
  await contract.schema().fill(schema);
  await expect(contract.errors).toHaveCount(0);

  await faults.add('Latency');
  await faults.add('Error');
  await faults.item(2).getByText('Error per protocol').click();
  await workbench.screenshot(testInfo, 'contract-and-faults-light');
  await new ThemePage(page).use('dark');
  await workbench.screenshot(testInfo, 'contract-and-faults-dark');

  await toolbar.save();
  await expect.poll(() => workbench.title()).toBe('faults.flow.json — Flowbench');
  const saved = JSON.parse(await readFile(join(server.dataDir, 'flows', 'faults.flow.json'), 'utf8')) as {
    nodes: Array<{ id: string; config: { contract?: unknown; faults?: Array<{ kind: string }> } }>;
  };
  const inbox = saved.nodes.find((n) => n.id === 'inbox');
  expect(inbox?.config.contract).toEqual({ format: 'json-schema', schema });
  expect(inbox?.config.faults?.map((f) => f.kind)).toEqual(['latency', 'error']);
});

test('behaviour steps are added by kind, edited, reordered and removed, and saved in order', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar, page } = workbench;
  const steps = new BehavioursPage(page);
  await placeFlow(server, 'behaviours.flow.json');
  await toolbar.newFlow();
  await dialogs.openFile('behaviours.flow.json');
  await canvas.select('orders-api');

  await steps.add('Transform');
  await steps.add('Filter');
  await steps.add('Delay');
  await steps.field(1, 'template').fill('{"id": "{{payload.id}}"}');
  await steps.field(2, 'when').fill('$.total > 10');
  await steps.field(3, 'delay (ms)').fill('-5');
  await expect(workbench.inspector.error(/must be/)).toHaveCount(1);
  await steps.field(3, 'delay (ms)').fill('250');
  await expect(workbench.inspector.errors()).toHaveCount(0);
  await steps.moveUp(2);
  expect(await steps.kinds()).toEqual(['filter', 'transform', 'delay']);
  await steps.list.scrollIntoViewIfNeeded();
  await workbench.screenshot(testInfo, 'behaviours-light');
  await new ThemePage(page).use('dark');
  await workbench.screenshot(testInfo, 'behaviours-dark');
  await steps.remove(3);

  await toolbar.save();
  await expect.poll(() => workbench.title()).toBe('behaviours.flow.json — Flowbench');
  const saved = JSON.parse(await readFile(join(server.dataDir, 'flows', 'behaviours.flow.json'), 'utf8')) as {
    nodes: Array<{ config: { behaviours?: unknown } }>;
  };
  expect(saved.nodes[0].config.behaviours).toEqual([
    { kind: 'filter', when: '$.total > 10' },
    { kind: 'transform', template: '{"id": "{{payload.id}}"}', output: 'json' },
  ]);
});
