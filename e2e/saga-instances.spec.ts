import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';
import { writeFlow } from './fixtures/workspace';
import { SagaInstancesPage } from './pages/saga-instances';

/** A loopback port nothing listens on, for the template's REST services. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('the saga orchestrator lists its instances with their step and status while the flow runs', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar, page } = workbench;
  const text = await readFile(
    join(__dirname, '..', 'resources', 'templates', 'saga-orchestration.flow.json'),
    'utf8',
  );
  const flow = JSON.parse(text) as {
    nodes: Array<{ kind: string; config: Record<string, unknown> }>;
    edges: Array<{ target: string; config?: unknown }>;
  };
  for (const n of flow.nodes) {
    if (n.kind === 'restService') n.config.port = await freePort();
    if (n.kind === 'producer') Object.assign(n.config, { rate: 10, count: 12 });
  }
  // Every charge declined: each saga undoes its reservation and its order, so the list shows both kinds of end.
  const toPayments = flow.edges.find((e) => e.target === 'payments');
  if (toPayments) toPayments.config = { faults: [{ kind: 'failFirst', count: 4 }] };
  await writeFlow(server, 'saga.flow.json', flow);
  await toolbar.newFlow();
  await dialogs.openFile('saga.flow.json');
  await toolbar.chooseEnvironment('Embedded');
  await toolbar.run();
  await toolbar.waitForRunState('running');

  await canvas.select('order-saga');
  const sagas = new SagaInstancesPage(page);
  await expect(sagas.rows()).toHaveCount(12, { timeout: 60_000 });
  await expect(sagas.withStatus('compensated')).toHaveCount(4, { timeout: 30_000 });
  await expect(sagas.withStatus('confirmed')).toHaveCount(8, { timeout: 30_000 });
  await expect(sagas.root).toContainText('4 compensated');
  const calls = await sagas.openFirst('compensated');
  await expect(calls).toHaveText([
    /^✓ create-order HTTP 201/,
    /^✓ reserve-inventory HTTP 201/,
    /^✗ charge-payment — injected: /,
    /^✓ undo reserve-inventory HTTP 204/,
    /^✓ undo create-order HTTP 200/,
  ]);
  await workbench.screenshot(testInfo, 'saga-instances');
  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
});
