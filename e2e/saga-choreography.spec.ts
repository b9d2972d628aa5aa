import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';
import { writeFlow } from './fixtures/workspace';
import { ServiceStatePage } from './pages/saga-instances';

type Flow = {
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  edges: Array<{ id: string; source: string; target: string }>;
};

test('each service of the choreography shows what it holds: only confirmed orders keep stock and a charge', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar, page } = workbench;
  const text = await readFile(
    join(__dirname, '..', 'resources', 'templates', 'saga-choreography.flow.json'),
    'utf8',
  );
  const flow = JSON.parse(text) as Flow;
  const shop = flow.nodes.find((n) => n.id === 'shop');
  if (!shop) throw new Error('the template has no shop');
  // Three orders go through, three have their payment declined (and are compensated).
  const order = (failAt: string): string =>
    `{"orderId": "${failAt}-{{seq}}", "sku": "sku-1", "qty": 1, "amount": 10, "failAt": "${failAt}"}`;
  Object.assign(shop.config, { rate: 20, count: 3, payload: order('none') });
  flow.nodes.push({
    ...shop,
    id: 'declined',
    config: { ...shop.config, name: 'declined', payload: order('payment') },
  });
  flow.edges.push({ id: 'declined->checkout', source: 'declined', target: 'checkout' });
  await writeFlow(server, 'choreography.flow.json', flow);
  await toolbar.newFlow();
  await dialogs.openFile('choreography.flow.json');
  await toolbar.chooseEnvironment('Embedded');
  await toolbar.run();
  await toolbar.waitForRunState('running');

  const state = new ServiceStatePage(page);
  // Orders are cancelled last, after the stock is released: once all six ended, the state is final.
  await canvas.select('cancel-order');
  await expect(state.entries('orders', /OrderConfirmed/)).toHaveCount(3, { timeout: 60_000 });
  await expect(state.entries('orders', /OrderCancelled/)).toHaveCount(3, { timeout: 30_000 });
  await expect(state.held('orders')).toHaveText('6 held');
  await canvas.select('release-inventory');
  await expect(state.held('reservations')).toHaveText('3 held');
  await expect(state.entries('reservations', /^none-/)).toHaveCount(3);
  await canvas.select('void-payment');
  await expect(state.held('charges')).toHaveText('3 held');
  await workbench.screenshot(testInfo, 'choreography-state');
  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
});
