import { expect, test } from './fixtures/app';

test('refuses incompatible connections with the reason next to the pointer', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, toolbar } = workbench;
  await toolbar.newFlow();
  const producer = await palette.dragToCanvas('producer', 200, 200);
  const consumer = await palette.dragToCanvas('consumer', 560, 200);

  await canvas.dragOutputOnto(producer, consumer);
  await expect(
    workbench.alert(
      'A producer can connect to a Kafka topic, a RabbitMQ exchange or a RabbitMQ queue, not to a consumer: messages reach a consumer through a topic or a queue',
    ),
  ).toBeVisible();
  await expect(canvas.edges()).toHaveCount(0);
  await workbench.screenshot(testInfo, 'refused-connection');

  // A compatible drop on a node's body (not on its handle) connects.
  const queue = await palette.dragToCanvas('rabbitQueue', 380, 420);
  await canvas.dragOutputOnto(producer, queue);
  await expect(canvas.edges()).toHaveCount(1);
});

test('the inspector edits nodes at once and shows schema errors under the field', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, inspector, toolbar } = workbench;
  await toolbar.newFlow();
  const topic = await palette.dragToCanvas('kafkaTopic', 300, 200);
  await expect.poll(() => workbench.title()).toMatch(/^● /);

  await canvas.select(topic);
  await expect(inspector.heading()).toHaveText('Kafka topic');
  await inspector.fill('Topic', 'bad topic!');
  await expect(inspector.error(/Topic may only contain letters/)).toBeVisible();
  await inspector.fill('Topic', '');
  await expect(inspector.error('Topic is required')).toBeVisible();
  await inspector.fill('Partitions', 0);
  await expect(inspector.error('Partitions must be at least 1')).toBeVisible();
  await expect(inspector.errors()).toHaveCount(2);
  await expect(canvas.node(topic)).toContainText('2 fields need attention');
  await workbench.screenshot(testInfo, 'inspector-errors');

  // Run refuses and lists the problems; pressing one selects its node.
  await canvas.pane.click({ position: { x: 40, y: 40 } });
  await expect(inspector.heading()).toHaveCount(0);
  await toolbar.run();
  await expect(toolbar.runProblems().first()).toBeVisible();
  await workbench.screenshot(testInfo, 'run-problems');
  await toolbar.runProblems().first().getByRole('button').click();
  await expect(inspector.heading()).toHaveText('Kafka topic');
  await expect(toolbar.runState).toHaveAttribute('data-state', /^(idle|stopped)$/);

  // Delete removes the selected node, but not while typing in a field.
  await inspector.field('Topic').focus();
  await workbench.press('Delete');
  await expect(canvas.nodes()).toHaveCount(1);
  await canvas.select(topic);
  await canvas.deleteSelection();
  await expect(canvas.nodes()).toHaveCount(0);
});

test('a gRPC service has one input per unary method of its proto', async ({ workbench }, testInfo) => {
  const { palette, canvas, inspector, toolbar } = workbench;
  await toolbar.newFlow();
  const client = await palette.dragToCanvas('grpcClient', 180, 200);
  const service = await palette.dragToCanvas('grpcService', 560, 200);
  await expect(canvas.methods(service)).toHaveCount(1);
  await canvas.connect(client, service, 'SayHello');
  await expect(canvas.edges()).toHaveCount(1);

  await canvas.select(service);
  const proto = inspector.field('Proto source');
  const text = await proto.inputValue();
  await proto.fill(
    text.replace(
      'rpc SayHello (HelloRequest) returns (HelloReply);',
      'rpc SayHello (HelloRequest) returns (HelloReply);\n  rpc SayBye (HelloRequest) returns (HelloReply);\n  rpc Chat (stream HelloRequest) returns (stream HelloReply);',
    ),
  );
  await expect(canvas.methods(service)).toHaveCount(2);
  await expect(canvas.node(service)).toContainText('SayBye');
  await canvas.connect(client, service, 'SayBye');
  await expect(canvas.edges()).toHaveCount(2);
  await workbench.screenshot(testInfo, 'grpc-methods');
});
