import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FLOW_FORMAT_VERSION } from '@shared/flow/document';
import { expect, test } from './fixtures/app';
import { EditorsPage } from './pages/editors';

test('a payload template previews the message a run sends; errors show at their line', async ({
  workbench,
}, testInfo) => {
  const { canvas, inspector, page } = workbench;
  const editors = new EditorsPage(page);

  await canvas.select('orders-producer');
  await expect(editors.preview).toBeVisible();
  await inspector.fill('Payload', '{\n  "order": {{seq}},\n  "who": "{{faker.person.firstName}}"\n}');
  // Pretty-printed by the preview, rendered by the engine.
  await expect(editors.preview).toContainText('"order": 1,');
  await expect(editors.preview).toContainText('"who": "');
  await editors.nextMessage().click();
  await expect(editors.preview).toContainText('"order": 2,');
  await editors.preview.scrollIntoViewIfNeeded();
  await workbench.screenshot(testInfo, 'template-preview');

  await inspector.fill('Payload', '{\n  "order": {{seq}},\n  "bad": "{{no such thing}}"\n}');
  await expect(editors.errorAt(3)).toContainText('Line 3');
  await expect(editors.errorAt(3)).toContainText('unknown expression');
  await expect(editors.previewError).toBeVisible();

  await inspector.fill('Payload', '{\n  "order": {{seq}}\n  "missing": "comma"\n}');
  await expect(editors.errorAt(3)).toContainText('not valid JSON');

  await inspector.fill('Payload', '{"ok": {{seq}}}');
  await expect(editors.errors).toHaveCount(0);
  await expect(editors.preview).toContainText('"ok": 2');
});

test('a .proto syntax error shows at its line', async ({ workbench }, testInfo) => {
  const { canvas, inspector, page } = workbench;
  const editors = new EditorsPage(page);

  await canvas.select('greeter-service');
  const proto = [
    'syntax = "proto3";',
    'package demo;',
    'service Echo {',
    '  rpc Say (Msg) returns (Msg)',
    '}',
    'message Msg { string text = 1; }',
  ].join('\n');
  await inspector.fill('Proto source', proto);
  await expect(editors.errorAt(5)).toContainText("illegal token '}'");
  await editors.errorAt(5).scrollIntoViewIfNeeded();
  await workbench.screenshot(testInfo, 'proto-error');

  await inspector.fill('Proto source', proto.replace('returns (Msg)', 'returns (Msg);'));
  await expect(editors.errors).toHaveCount(0);
});

test('a GraphQL SDL error shows at its line', async ({ workbench, server }, testInfo) => {
  const { dialogs, canvas, page } = workbench;
  const editors = new EditorsPage(page);
  const flow = {
    version: FLOW_FORMAT_VERSION,
    name: 'GraphQL',
    nodes: [{ id: 'gql', kind: 'graphqlService' }],
  };
  await writeFile(join(server.dataDir, 'flows', 'graphql.flow.json'), JSON.stringify(flow));

  await dialogs.openFile('graphql.flow.json');
  await canvas.select('gql');
  const sdl = ['type Query {', '  order(id: ID!): Order', '}', '', 'type Order {', '  id ID!', '}'].join(
    '\n',
  );
  await editors.field(/^Schema/).fill(sdl);
  await expect(editors.errorAt(6)).toContainText('Line 6:6');
  await editors.errorAt(6).scrollIntoViewIfNeeded();
  await workbench.screenshot(testInfo, 'sdl-error');

  await editors.field(/^Schema/).fill(sdl.replace('id ID!', 'id: ID!\n  total: Money'));
  await expect(editors.errorAt(7)).toContainText('Unknown type "Money"');

  await editors.field(/^Schema/).fill(sdl.replace('id ID!', 'id: ID!'));
  await expect(editors.errors).toHaveCount(0);
});
