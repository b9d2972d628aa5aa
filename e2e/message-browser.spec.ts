import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';
import { writeFlow } from './fixtures/workspace';

const COUNT = 60;

/** Embedded producer → topic → consumer: COUNT JSON orders whose fields follow {{seq}}. */
function ordersFlow(): unknown {
  const node = (id: string, kind: string, x: number, config: Record<string, unknown>): unknown => ({
    id,
    kind,
    position: { x, y: 0 },
    config,
  });
  return {
    version: 2,
    name: 'Message browser',
    nodes: [
      node('orders', 'producer', 0, {
        name: 'orders',
        rate: 200,
        count: COUNT,
        payload: '{"customer": {"id": {{seq}}}, "note": "parcel {{seq}}", "id": "{{uuid}}"}',
      }),
      node('orders-topic', 'kafkaTopic', 300, { name: 'orders topic', topic: 'orders', partitions: 2 }),
      node('billing', 'consumer', 600, { name: 'billing', group: 'billing' }),
    ],
    edges: [
      { id: 'e1', source: 'orders', target: 'orders-topic' },
      { id: 'e2', source: 'orders-topic', target: 'billing' },
    ],
  };
}

test('message browser: filter, search, open, compare, save a filter, export', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, toolbar, dialogs, messages, page } = workbench;
  await writeFlow(server, 'browser.flow.json', ordersFlow());
  await dialogs.openFile('browser.flow.json');
  await expect(canvas.node('orders')).toContainText('orders');
  await messages.enlarge();
  await toolbar.run();
  await expect.poll(() => canvas.counter('orders', 'sent'), { timeout: 30_000 }).toBe(COUNT);
  await expect(messages.matching).toHaveText(`${COUNT} matching`, { timeout: 15_000 });
  await workbench.screenshot(testInfo, '01-all-messages');

  // A JSON predicate picks one order; a malformed one says why, inline, and changes nothing.
  await messages.filter('JSON predicate', '$.customer.id = 7');
  await expect(messages.matching).toHaveText('1 matching');
  await messages.filter('JSON predicate', '$.customer.id 7');
  await expect(messages.fieldError()).toContainText('expected <path> <op> <value>');
  await expect(messages.matching).toHaveText('1 matching');

  // Full-text search over payloads, combined with the (fixed) predicate.
  await messages.filter('JSON predicate', '$.customer.id > 40');
  await expect(messages.fieldError()).toHaveCount(0);
  await messages.filter('Search payloads', 'parcel');
  await expect(messages.matching).toHaveText(`${COUNT - 40} matching`);
  await messages.filter('JSON predicate', '');
  await messages.filter('Search payloads', '"parcel 42"');
  await expect(messages.matching).toHaveText('1 matching');

  // Open it: a JSON tree with its fields, metadata, raw text.
  await messages.rows.first().click();
  await expect(messages.tree).toContainText('customer');
  await expect(messages.tree).toContainText('"parcel 42"');
  await expect(page.getByTestId('message-metadata')).toContainText('orders');
  await messages.showRaw();
  await expect(messages.payload).toContainText('"note": "parcel 42"');

  // Save this filter, clear, restore it.
  await messages.saveFilter('parcel 42');
  await messages.clearFilter();
  await expect(messages.matching).toHaveText(`${COUNT} matching`);
  await messages.restoreFilter('parcel 42');
  await expect(messages.matching).toHaveText('1 matching');
  await expect(page.getByLabel('Search payloads', { exact: true })).toHaveValue('"parcel 42"');

  // Compare two orders side by side: the payload lines that differ are marked.
  await messages.clearFilter();
  await expect(messages.matching).toHaveText(`${COUNT} matching`);
  await messages.tickForCompare(0);
  await messages.tickForCompare(1);
  await expect(messages.compare).toBeVisible();
  await expect(messages.compare.locator('[data-kind="removed"]').first()).toBeVisible();
  await expect(messages.compare.locator('[data-kind="added"]').first()).toBeVisible();
  await expect(messages.compare).toContainText('lines differ');
  await workbench.screenshot(testInfo, '02-compare');

  // Export the filtered set as NDJSON under a typed name: it lands in the workspace folder,
  // one line per matching message, nothing partial left; a second export never replaces it.
  await messages.filter('JSON predicate', '$.customer.id <= 10');
  await expect(messages.matching).toHaveText('10 matching');
  const dir = join(server.dataDir, 'flows');
  const status = await messages.exportAs('NDJSON', 'first ten');
  expect(status).toContain('Exported 10');
  expect(status).toContain(join(dir, 'first ten.ndjson'));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ndjson'));
  expect(files).toEqual(['first ten.ndjson']);
  expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  const lines = (await readFile(join(dir, files[0]), 'utf8')).trimEnd().split('\n');
  const ids = lines.map(
    (l) =>
      (JSON.parse((JSON.parse(l) as { payload: string }).payload) as { customer: { id: number } }).customer
        .id,
  );
  expect(ids.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  await workbench.screenshot(testInfo, '03-exported');
  // Browser mode offers the file it just wrote for download, byte for byte.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('message-export').getByRole('link', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('first ten.ndjson');
  expect(await readFile(await download.path(), 'utf8')).toBe(
    await readFile(join(dir, 'first ten.ndjson'), 'utf8'),
  );
  expect(await messages.exportAs('NDJSON', '../first ten')).toContain(join(dir, 'first ten-2.ndjson'));
  expect((await readdir(dir)).filter((f) => f.endsWith('.ndjson')).sort()).toEqual([
    'first ten-2.ndjson',
    'first ten.ndjson',
  ]);
  expect((await readdir(server.dataDir)).filter((f) => f.endsWith('.ndjson'))).toEqual([]);

  // Import that file back into the topic while the run goes: ten more orders, from "import".
  expect(await messages.importFile(join(dir, files[0]), 'orders topic')).toContain('Sent 10');
  await messages.clearFilter();
  await messages.filter('JSON predicate', '$.customer.id <= 10');
  await expect(messages.matching).toHaveText('20 matching');
  await expect(messages.rows.locator('[data-col="node"]', { hasText: 'import' })).toHaveCount(10);
  await workbench.screenshot(testInfo, '04-imported');

  // Live tail paused: a second import is counted, not shown, until Resume.
  await messages.liveButton().click();
  await expect(messages.liveButton()).toHaveText('Resume live');
  await messages.importFile(join(dir, files[0]), 'orders topic');
  await expect(messages.liveButton()).toHaveText('Resume live (10 new)');
  await expect(messages.matching).toHaveText('20 matching');
  await messages.liveButton().click();
  await expect(messages.matching).toHaveText('30 matching');
  await expect(messages.liveButton()).toHaveText('Pause live');
  await toolbar.stop();
});
