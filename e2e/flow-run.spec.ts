import { expect, test } from './fixtures/app';
import { requireLocalBrokers } from './fixtures/brokers';

test.beforeAll(async () => {
  await requireLocalBrokers();
});

test('build a Kafka flow from the palette, save it and run it on the local brokers', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, inspector, toolbar, messages } = workbench;
  // A topic of its own per run: the broker does not auto-create topics and keeps old ones.
  const topic = `e2e-orders-${Date.now()}`;

  await toolbar.newFlow();
  await expect(canvas.nodes()).toHaveCount(0);

  const producer = await palette.dragToCanvas('producer', 160, 160);
  const topicNode = await palette.dragToCanvas('kafkaTopic', 440, 160);
  const consumer = await palette.dragToCanvas('consumer', 720, 160);
  await canvas.connect(producer, topicNode);
  await canvas.connect(topicNode, consumer);
  await expect(canvas.edges()).toHaveCount(2);

  await canvas.select(topicNode);
  await inspector.fill('Topic', topic);
  await expect(canvas.node(topicNode)).toContainText(topic);
  await canvas.select(producer);
  await inspector.fill('Rate', 25);
  await inspector.fill('Count', 2000);
  await expect(canvas.node(producer)).toContainText('25 msg/s');
  await expect(inspector.errors()).toHaveCount(0);
  await workbench.screenshot(testInfo, '01-flow-built');

  await toolbar.saveAs('e2e-kafka-flow');
  await expect(toolbar.fileLabel()).toHaveText('e2e-kafka-flow.flow.json');
  await expect.poll(() => workbench.title()).toBe('e2e-kafka-flow.flow.json — Flowbench');

  await toolbar.chooseEnvironment('Local brokers', {
    kafka: '127.0.0.1:9092',
    amqp: 'amqp://127.0.0.1:5672',
  });
  await expect(toolbar.brokerSummary()).toHaveText(/127\.0\.0\.1:9092/);
  await toolbar.run();
  await toolbar.waitForRunState('running');

  await expect.poll(() => canvas.counter(producer, 'sent'), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(() => canvas.counter(consumer, 'received'), { timeout: 60_000 }).toBeGreaterThan(0);
  await workbench.screenshot(testInfo, '02-running');

  await messages.openNewest();
  await expect(messages.payload).toContainText('"seq"');
  await expect(messages.trace()).toContainText('produce');
  await workbench.screenshot(testInfo, '03-message-open');

  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
  await workbench.screenshot(testInfo, '04-stopped');
});
