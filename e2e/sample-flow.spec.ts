import { expect, test } from './fixtures/app';
import type { CounterField } from './pages/canvas';
import { ValidationPage } from './pages/validation';

/** The sample flow's nodes and the counter that proves each one did its work. */
const SAMPLE: Array<{ id: string; name: string; counter: CounterField }> = [
  { id: 'orders-producer', name: 'checkout', counter: 'sent' },
  { id: 'orders-topic', name: 'orders', counter: 'received' },
  { id: 'billing-consumer', name: 'billing', counter: 'received' },
  { id: 'tasks-producer', name: 'uploads', counter: 'sent' },
  { id: 'tasks-queue', name: 'tasks', counter: 'received' },
  { id: 'worker-consumer', name: 'workers', counter: 'received' },
  { id: 'greeter-client', name: 'greeter client', counter: 'sent' },
  { id: 'greeter-service', name: 'Greeter', counter: 'received' },
];

test('the sample flow opens on first start and runs on Embedded', async ({ workbench }, testInfo) => {
  const { canvas, toolbar, messages } = workbench;

  for (const node of SAMPLE) await expect(canvas.node(node.id)).toContainText(node.name);
  await expect(canvas.edges()).toHaveCount(5);
  await expect(canvas.node('greeter-service')).toContainText('SayHello');
  await expect(toolbar.environment()).toHaveValue('embedded');
  await expect.poll(() => workbench.title()).toBe('Orders, tasks and greetings — Flowbench');
  // The first thing a newcomer sees has no design problems to apologise for.
  await expect(new ValidationPage(workbench.page).items).toHaveCount(0);
  await workbench.screenshot(testInfo, '01-sample');

  await toolbar.run();
  await toolbar.waitForRunState('running');
  for (const node of SAMPLE) {
    await expect
      .poll(() => canvas.counter(node.id, node.counter), {
        message: `${node.id} ${node.counter}`,
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
  }
  await workbench.screenshot(testInfo, '02-running');

  await messages.openFrom('Greeter');
  await expect(messages.payload).toContainText('message');
  await workbench.screenshot(testInfo, '03-grpc-response');

  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
  await workbench.screenshot(testInfo, '04-stopped');
});
