import { expect, test } from './fixtures/app';
import { ValidationPage } from './pages/validation';

test('findings appear and disappear as the flow is edited; clicking one selects its node', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, toolbar, inspector, page } = workbench;
  const validation = new ValidationPage(page);

  await toolbar.newFlow();
  await expect(validation.items).toHaveCount(0);
  await expect(validation.badge).toHaveAttribute('data-count', '0');

  const producer = await palette.dragToCanvas('producer', 160, 160);
  await expect(validation.finding('producer-without-target')).toHaveCount(1);

  const queue = await palette.dragToCanvas('rabbitQueue', 520, 160);
  await expect(validation.finding('queue-without-consumer')).toHaveCount(1);
  const count = Number(await validation.badge.getAttribute('data-count'));
  expect(count).toBeGreaterThanOrEqual(2);

  await canvas.connect(producer, queue);
  await expect(validation.finding('producer-without-target')).toHaveCount(0);
  await expect(validation.finding('queue-without-consumer')).toHaveCount(1);

  // Clicking the finding selects the queue (even with another node selected) and shows it.
  await canvas.select(producer);
  await expect(canvas.node(producer)).toHaveClass(/selected/);
  await validation.finding('queue-without-consumer').click();
  await expect(canvas.node(queue)).toHaveClass(/selected/);
  await expect(canvas.node(producer)).not.toHaveClass(/selected/);
  await expect(inspector.heading()).toContainText(/queue/i);
  await workbench.screenshot(testInfo, 'validation-panel');

  const consumer = await palette.dragToCanvas('consumer', 700, 400);
  await canvas.connect(queue, consumer);
  await expect(validation.finding('queue-without-consumer')).toHaveCount(0);

  // The panel folds away and the toolbar count brings it back.
  await validation.toggle().click();
  await expect(validation.items).toHaveCount(0);
  await validation.badge.click();
  await expect(validation.toggle()).toHaveAttribute('aria-expanded', 'true');
});
