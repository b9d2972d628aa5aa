import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';
import { writeFlow } from './fixtures/workspace';
import { freePort } from './fixtures/free-port';
import { EventStorePage } from './pages/event-store';

test('the event store time slider shows an order as it was after each of its events', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar, page } = workbench;
  const template = JSON.parse(
    await readFile(join(__dirname, '../resources/templates/event-sourcing.flow.json'), 'utf8'),
  ) as unknown;
  await writeFlow(server, 'event-sourcing.flow.json', template);
  await toolbar.newFlow();
  await dialogs.openFile('event-sourcing.flow.json');
  await toolbar.chooseEnvironment('Embedded');
  await toolbar.run();
  await toolbar.waitForRunState('running');
  await expect.poll(() => canvas.counter('orders-store', 'acked'), { timeout: 60_000 }).toBe(15);
  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');

  const store = new EventStorePage(page);
  await canvas.select('orders-store');
  await store.chooseStream('order-2');
  await expect(store.position()).toContainText('after event 3 of 3: OrderShipped');
  expect(await store.state()).toMatchObject({ status: 'shipped', tracking: 'TR-2', version: 3 });

  await store.slideTo(1);
  await expect(store.position()).toContainText('after event 1 of 3: OrderCreated');
  // Written in schema v1 (amount), shown as v2 (total, currency) by the upcaster.
  await expect.poll(() => store.state()).toMatchObject({ status: 'created', currency: 'EUR', version: 1 });
  expect(await store.state()).not.toHaveProperty('amount');
  await workbench.screenshot(testInfo, 'event-store-slider-at-1');

  await store.slideTo(2);
  await expect(store.position()).toContainText('from snapshot v2');
  await expect.poll(() => store.state()).toMatchObject({ status: 'paid', version: 2 });

  await store.slideTo(0);
  await expect(store.position()).toContainText('before the first of 3 events');
});

test('the CQRS projection shows its lag rising in the checkout burst and back at 0 once caught up', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar } = workbench;
  const template = JSON.parse(
    await readFile(join(__dirname, '../resources/templates/cqrs.flow.json'), 'utf8'),
  ) as { nodes: Array<{ kind: string; config: Record<string, unknown> }> };
  // Ports of this test's own, so a template running elsewhere on the machine does not collide.
  for (const node of template.nodes) if (node.kind === 'restService') node.config.port = await freePort();
  await writeFlow(server, 'cqrs.flow.json', template);
  await toolbar.newFlow();
  await dialogs.openFile('cqrs.flow.json');
  await toolbar.chooseEnvironment('Embedded');
  await toolbar.run();
  await toolbar.waitForRunState('running');
  await expect.poll(() => canvas.counter('orders-view', 'lag'), { timeout: 30_000 }).toBeGreaterThan(5);
  await workbench.screenshot(testInfo, 'projection-lagging');
  await expect.poll(() => canvas.counter('orders-view', 'acked'), { timeout: 60_000 }).toBe(108);
  await expect.poll(() => canvas.counter('orders-view', 'lag')).toBe(0);
  expect(await canvas.counter('write-model', 'errors')).toBe(0);
  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
});
