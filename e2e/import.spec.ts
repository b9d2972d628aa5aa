import { join } from 'node:path';
import { expect, test } from './fixtures/app';
import { ImportPage } from './pages/import';

const FIXTURES = join(__dirname, '..', 'tests', 'fixtures', 'import');

test('imports the OpenAPI Petstore: the report lists its routes, and it opens as a new unsaved flow', async ({
  workbench,
}, testInfo) => {
  const importer = new ImportPage(workbench.page);
  await importer.open();
  await importer.importFile(join(FIXTURES, 'petstore.yaml'));
  await expect(importer.report).toContainText('OpenAPI 3.0.0 "Swagger Petstore"');
  await expect(importer.list('Mapped')).toContainText(
    'GET /pets/{petId} (showPetById) → route GET /pets/:petId',
  );
  await expect(importer.list('Skipped')).toContainText('server base path /v1');
  await workbench.screenshot(testInfo, '01-report');

  await importer.openAsNewFlow();
  await expect(workbench.canvas.node('swagger-petstore')).toBeVisible();
  await expect(workbench.canvas.nodes()).toHaveCount(1);
  // Unsaved, and marked changed (●) so closing it asks first.
  await expect(workbench.toolbar.fileLabel()).toHaveText('●not saved yet');
});

test('adds an AsyncAPI document beside the current flow, and shows where a broken one is broken', async ({
  workbench,
}, testInfo) => {
  const importer = new ImportPage(workbench.page);
  const before = await workbench.canvas.nodes().count();

  await importer.open();
  await importer.importText(
    'asyncapi: 3.0.0\ninfo:\n  title: x\n  version: 1.0.0\nchannels:\n  a:\n    address: 42\n    bogus: true\n',
  );
  await expect(importer.dialog.getByRole('alert')).toContainText('The document is broken (line');
  await workbench.screenshot(testInfo, '01-broken');

  await importer.importFile(join(FIXTURES, 'rpc-server-asyncapi-3.1.yml'));
  await expect(importer.list('Mapped')).toContainText('channel "rpc_queue" → RabbitMQ queue "rpc_queue"');
  await importer.addToCurrentFlow();
  // Two queues, a producer and a consumer join what was there.
  await expect(workbench.canvas.nodes()).toHaveCount(before + 4);
  await expect(workbench.canvas.node('rpc-queue')).toBeVisible();
});

test('the inspector lists the flow’s assertions and adds one, marking the flow changed', async ({
  workbench,
}) => {
  const page = workbench.page;
  const section = page.getByRole('region', { name: 'Assertions' });
  await expect(section).toContainText('None yet');
  await section.getByLabel('Assertion kind').selectOption('delivered');
  await section.getByLabel('Assertion node').selectOption('billing-consumer');
  await section.getByLabel('At least (messages)').fill('0');
  await section.getByRole('button', { name: 'Add assertion' }).click();
  await expect(section).toContainText('atLeast must be 1 or more');

  await section.getByLabel('At least (messages)').fill('5');
  await section.getByRole('button', { name: 'Add assertion' }).click();
  await expect(section.getByRole('listitem')).toHaveText([
    'at least 5 messages delivered to billing-consumer✕',
  ]);
  await expect(workbench.toolbar.fileLabel()).toContainText('●');

  await section
    .getByRole('button', { name: 'Remove assertion: at least 5 messages delivered to billing-consumer' })
    .click();
  await expect(section).toContainText('None yet');
});
