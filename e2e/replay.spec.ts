import { expect, test } from './fixtures/app';
import { requireLocalBrokers } from './fixtures/brokers';
import { writeFlow } from './fixtures/workspace';
import { FaultsPage } from './pages/faults';

test.beforeAll(async () => {
  await requireLocalBrokers();
});

/** Orders on Kafka, an audit queue to replay into, and jobs that all fail into a dead-letter queue. */
function replayFlow(suffix: string): unknown {
  const node = (id: string, kind: string, x: number, y: number, config: Record<string, unknown>) => ({
    id,
    kind,
    position: { x, y },
    config: { name: id, ...config },
  });
  return {
    version: 2,
    name: 'Replay e2e',
    nodes: [
      node('orders-producer', 'producer', 0, 0, {
        count: 3,
        rate: 20,
        payload: '{"seq": {{seq}}, "item": "book"}',
      }),
      node('orders', 'kafkaTopic', 320, 0, { topic: `e2e-replay-orders-${suffix}`, partitions: 1 }),
      node('audit', 'rabbitQueue', 320, 180, { queue: `e2e-replay-audit-${suffix}` }),
      node('jobs-producer', 'producer', 0, 360, { count: 2, rate: 20, payload: '{"job": {{seq}}}' }),
      node('jobs', 'rabbitQueue', 320, 360, {
        queue: `e2e-replay-jobs-${suffix}`,
        deadLetter: `e2e-replay-dead-${suffix}`,
        maxDeliveries: 1,
      }),
      node('workers', 'consumer', 640, 360, {
        faults: [
          { kind: 'error', probability: 1, enabled: true, error: { amqp: { action: 'nack-requeue' } } },
        ],
      }),
      node('dead-letters', 'rabbitQueue', 640, 180, { queue: `e2e-replay-dead-${suffix}` }),
    ],
    edges: [
      { id: 'e1', source: 'orders-producer', target: 'orders' },
      { id: 'e2', source: 'jobs-producer', target: 'jobs' },
      { id: 'e3', source: 'jobs', target: 'workers' },
    ],
  };
}

test('replay an edited message to another destination, follow the links, redrive a dead-letter queue', async ({
  workbench,
  server,
}, testInfo) => {
  const { page, canvas, toolbar, dialogs, messages } = workbench;
  const suffix = String(Date.now());
  await writeFlow(server, 'replay.flow.json', replayFlow(suffix));
  await toolbar.newFlow();
  await dialogs.openFile('replay.flow.json');
  await toolbar.chooseEnvironment('Local brokers', {
    kafka: '127.0.0.1:9092',
    amqp: 'amqp://127.0.0.1:5672',
  });
  await toolbar.run();
  await toolbar.waitForRunState('running');

  // Open a recorded order and replay it, edited, to the audit queue instead of its topic.
  await messages.openFrom('orders-producer');
  await expect(messages.payload).toContainText('"book"');
  const original = page.getByRole('region', { name: 'Replay' });
  await original.getByRole('button', { name: 'Replay…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Replay message \d+/ });
  await expect(dialog).toBeVisible();
  await dialog
    .getByLabel('Replay target')
    .selectOption({ label: `RabbitMQ queue e2e-replay-audit-${suffix}` });
  const payload = dialog.getByLabel('Payload to send');
  await payload.fill((await payload.inputValue()).replace('"book"', '"pen"'));
  const diff = dialog.getByRole('region', { name: 'Payload changes' });
  await expect(diff).toContainText('-   "item": "book"');
  await expect(diff).toContainText('+   "item": "pen"');

  await dialog.getByRole('button', { name: 'Dry run' }).click();
  const dry = dialog.getByRole('region', { name: 'Dry run' });
  await expect(dry).toContainText('1 message would be sent');
  await expect(dry).toContainText('edited');
  await expect(dry).toContainText('"pen"');
  await workbench.screenshot(testInfo, '01-replay-dialog-dry-run');

  await dialog.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Done: 1 sent to amqp queue e2e-replay-audit/, {
    timeout: 30_000,
  });
  await workbench.screenshot(testInfo, '02-replay-done');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Follow the link to the replayed copy, and back to the original.
  const replayedAs = original.getByRole('button', { name: /^message \d+ \(e2e-replay-audit/ });
  await expect(replayedAs).toBeVisible();
  await replayedAs.click();
  // The copy's own view (JSON opens as a tree; the raw text is what is compared).
  await expect(page.getByRole('region', { name: 'Replay' })).toContainText('Replay of');
  await messages.showRaw();
  await expect(messages.payload).toContainText('"pen"');
  const back = page
    .getByRole('region', { name: 'Replay' })
    .getByRole('button', { name: /^message \d+ \(e2e-replay-orders/ });
  await workbench.screenshot(testInfo, '03-replayed-copy');
  await back.click();
  await expect(page.getByRole('region', { name: 'Replay' })).toContainText('Replayed as');
  await messages.showRaw();
  await expect(messages.payload).toContainText('"book"');

  // Replay what a filter matches: the dry run lists the three recorded orders and nothing else.
  await messages.filter('Search payloads', 'book');
  await page.getByRole('button', { name: 'Replay matching…' }).click();
  const matching = page.getByRole('dialog', { name: 'Replay the messages the filter matches' });
  await matching.getByRole('button', { name: 'Dry run' }).click();
  await expect(matching.getByRole('region', { name: 'Dry run' })).toContainText('3 messages would be sent');
  await matching.getByRole('button', { name: 'Close' }).click();
  await messages.clearFilter();

  // Dead-letter redrive: switch the failing consumer's fault off, then move the dead letters back.
  await canvas.select('workers');
  await new FaultsPage(page).setEnabled(1, false);
  await canvas.select('dead-letters');
  const redrive = page
    .getByRole('region', { name: 'Dead letters' })
    .getByRole('button', { name: /^Redrive to jobs/ });
  await expect(redrive).toBeVisible();
  // Both jobs failed twice (two deliveries each) and sit in the dead-letter queue.
  await expect.poll(() => canvas.counter('workers', 'errors'), { timeout: 30_000 }).toBe(4);
  await redrive.click();
  await expect(page.getByText('Moved 2 messages back to jobs.')).toBeVisible({ timeout: 30_000 });
  await workbench.screenshot(testInfo, '04-redriven');
  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
});
