import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';
import { freePort } from './fixtures/run-flows';
import { writeFlow } from './fixtures/workspace';
import { CallsPage } from './pages/calls';

interface Doc {
  nodes: Array<{ id: string; config: Record<string, unknown> }>;
}

/** A template with its services on free ports and the given config changes per node. */
async function template(id: string, changes: Record<string, Record<string, unknown>>): Promise<Doc> {
  const doc = JSON.parse(
    readFileSync(join(__dirname, `../resources/templates/${id}.flow.json`), 'utf8'),
  ) as Doc;
  for (const n of doc.nodes) {
    if (typeof n.config.port === 'number') n.config.port = await freePort();
    Object.assign(n.config, changes[n.id] ?? {});
  }
  return doc;
}

const bytes = (text: string): number => {
  const m = /^([\d.]+) (B|kB)$/.exec(text);
  if (!m) throw new Error(`not a byte size: "${text}"`);
  return Number(m[1]) * (m[2] === 'kB' ? 1000 : 1);
};

test('the Calls tab compares the same exchange over gRPC and REST, measured live', async ({
  workbench,
  server,
}) => {
  const { canvas, toolbar, dialogs, page } = workbench;
  const calls = new CallsPage(page);
  const fast = { rate: 40, count: 40 };
  await writeFlow(
    server,
    'grpc.flow.json',
    await template('grpc', { 'grpc-caller': fast, 'rest-caller': fast, tracker: { rate: 5, count: 2 } }),
  );
  await dialogs.openFile('grpc.flow.json');
  await expect(canvas.node('grpc-caller')).toContainText('grpc-caller');

  await toolbar.run();
  await toolbar.waitForRunState('running');
  await calls.open();
  await expect.poll(() => calls.cell('grpc-caller', 'Replies'), { timeout: 60_000 }).toBe('40');
  await expect.poll(() => calls.cell('rest-caller', 'Replies'), { timeout: 60_000 }).toBe('40');

  await expect.poll(() => calls.cell('tracker', 'Replies'), { timeout: 60_000 }).toBe('12');

  // Smallest exchange first: the tracker's short updates, then the protobuf order, then the JSON one.
  expect(await calls.clients()).toEqual(['tracker', 'grpc-caller', 'rest-caller']);
  const grpcReply = bytes(await calls.cell('grpc-caller', 'Bytes / reply'));
  const restReply = bytes(await calls.cell('rest-caller', 'Bytes / reply'));
  expect(grpcReply).toBeLessThan(restReply);
  expect(await calls.cell('grpc-caller', 'Protocol')).toBe('gRPC · protobuf');
  expect(await calls.cell('rest-caller', 'Protocol')).toBe('REST · JSON');
  expect(await calls.cell('rest-caller', 'p99')).toMatch(/ms|s$/);
  expect(await calls.cell('grpc-caller', 'p50')).toMatch(/ms|s$/);

  await toolbar.stop();
  await toolbar.waitForRunState('idle', 'stopped', 'done');
});

test('the Calls tab shows one GraphQL query fetching fewer bytes than the equivalent REST calls', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, toolbar, dialogs, page } = workbench;
  const calls = new CallsPage(page);
  const fast = { rate: 20, count: 10 };
  await writeFlow(
    server,
    'graphql.flow.json',
    await template('graphql', { app: fast, 'web-user': fast, 'web-orders': fast }),
  );
  await dialogs.openFile('graphql.flow.json');
  await expect(canvas.node('api')).toContainText('api');

  await toolbar.run();
  await toolbar.waitForRunState('running');
  await calls.open();
  for (const client of ['app', 'web-user', 'web-orders'])
    await expect.poll(() => calls.cell(client, 'Replies'), { timeout: 60_000 }).toBe('10');
  expect(await calls.cell('app', 'Protocol')).toBe('GraphQL · JSON');
  const graphql = bytes(await calls.cell('app', 'Bytes / reply'));
  const rest =
    bytes(await calls.cell('web-user', 'Bytes / reply')) +
    bytes(await calls.cell('web-orders', 'Bytes / reply'));
  expect(graphql).toBeLessThan(rest / 2);
  await workbench.screenshot(testInfo, 'graphql-template-calls');

  await toolbar.stop();
  await toolbar.waitForRunState('idle', 'stopped', 'done');
});
