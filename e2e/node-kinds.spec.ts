import { NODE_CATALOG, NODE_FAMILIES } from '../src-shared/flow/node-catalog';
import { NODE_KINDS } from '../src-shared/flow/node-kinds';
import { expect, test } from './fixtures/app';
import { placeFlow } from './fixtures/workspace';
import { ThemePage } from './pages/theme';
import { ValidationPage } from './pages/validation';

test('the palette is grouped by family, searchable, and works from the keyboard', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, inspector, toolbar } = workbench;
  await toolbar.newFlow();
  await expect(palette.families()).toHaveText([...NODE_FAMILIES]);
  await expect(palette.items()).toHaveCount(NODE_KINDS.length);
  await workbench.screenshot(testInfo, 'palette');

  await palette.search('saga');
  await expect(palette.items()).toHaveCount(1);
  await expect(palette.item('sagaOrchestrator')).toBeVisible();
  await palette.search('rabbit q');
  await expect(palette.items()).toHaveText([/RabbitMQ queue/]);
  await palette.search('zzz');
  await expect(palette.items()).toHaveCount(0);
  await expect(workbench.page.getByText('No component matches “zzz”.')).toBeVisible();

  // Tab into the search box, type, Enter adds the best match at the canvas centre.
  await palette.search('');
  await palette.focusSearchWithTab();
  await workbench.page.keyboard.type('timer');
  await workbench.press('Enter');
  await expect(canvas.nodes()).toHaveCount(1);
  await expect(inspector.heading()).toHaveText('Timer');

  // Arrows walk the items; Enter adds the focused one.
  await palette.search('');
  await palette.searchBox().press('ArrowDown');
  await expect(palette.item('producer')).toBeFocused();
  await workbench.press('ArrowDown');
  await expect(palette.item('consumer')).toBeFocused();
  await workbench.press('Enter');
  await expect(canvas.nodes()).toHaveCount(2);
  await expect(inspector.heading()).toHaveText('Consumer');
});

/** Kinds whose generated forms (lists, selects, nested objects) are kept as screenshots. */
const FORMS_TO_LOOK_AT = ['restService', 'sagaOrchestrator', 'meshPolicy', 'apiGateway', 'router'];

test('every kind can be dropped on the canvas and edited in the inspector', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, inspector, toolbar } = workbench;
  await toolbar.newFlow();
  await canvas.zoomOut(3);
  const columns = 6;
  const placed: string[] = [];
  const kinds = NODE_KINDS.filter((k) => k !== 'group' && k !== 'note');
  for (const [i, kind] of kinds.entries()) {
    const x = 70 + (i % columns) * 135;
    const y = 60 + Math.floor(i / columns) * 120;
    const id = await palette.dragToCanvas(kind, x, y);
    placed.push(id);
    await canvas.select(id);
    await expect(inspector.heading()).toHaveText(NODE_CATALOG[kind].label);
    // Every kind starts valid: schema defaults plus the catalog's starter values.
    await expect(inspector.errors()).toHaveCount(0);
    if (FORMS_TO_LOOK_AT.includes(kind)) await workbench.screenshot(testInfo, `inspector-${kind}`);
  }
  // Clear of the zoom controls (bottom left) and the minimap (bottom right).
  const note = await palette.dragToCanvas('note', 340, 420);
  await canvas.select(note);
  await expect(inspector.heading()).toHaveText('Note');
  const group = await palette.dragToCanvas('group', 620, 420);
  await canvas.select(group);
  await expect(inspector.heading()).toHaveText('Group');
  await expect(canvas.nodes()).toHaveCount(NODE_KINDS.length);
  await canvas.pane.click({ position: { x: 10, y: 10 } });
  await canvas.fitView();
  await workbench.screenshot(testInfo, 'every-kind');
});

test('an exchange → queue binding gets a routing key in the edge inspector, shown as a label', async ({
  workbench,
}, testInfo) => {
  const { palette, canvas, inspector, toolbar } = workbench;
  await toolbar.newFlow();
  const exchange = await palette.dragToCanvas('rabbitExchange', 200, 220);
  const queue = await palette.dragToCanvas('rabbitQueue', 600, 220);
  await canvas.connect(exchange, queue);
  await expect(canvas.edges()).toHaveCount(1);

  // The validation panel asks for the binding's routing key until it has one.
  const validation = new ValidationPage(workbench.page);
  await expect(validation.finding('binding-incomplete')).toHaveCount(1);
  await canvas.selectEdge(exchange, queue);
  await expect(inspector.heading()).toHaveText('Connection');
  await inspector.fill('Routing key', 'orders.created');
  await expect(canvas.edgeLabels()).toHaveText(['orders.created']);
  await expect(validation.finding('binding-incomplete')).toHaveCount(0);

  // A topic exchange asks for a pattern instead, and refuses a malformed one.
  await canvas.select(exchange);
  await inspector.field('Type').selectOption('topic');
  await canvas.selectEdge(exchange, queue);
  await inspector.fill('Topic pattern', 'orders..eu');
  await expect(inspector.error('Topic pattern must not have empty words ("..")')).toBeVisible();
  await inspector.fill('Topic pattern', 'orders.*.eu');
  await expect(canvas.edgeLabels()).toHaveText(['orders.created · orders.*.eu']);
  await workbench.screenshot(testInfo, 'binding');
});

test('an incompatible connection is refused with its reason', async ({ workbench }) => {
  const { palette, canvas, toolbar } = workbench;
  await toolbar.newFlow();
  const producer = await palette.dragToCanvas('producer', 200, 200);
  const sink = await palette.dragToCanvas('sink', 600, 200);
  // A sink has only an input: dragging from it onto the producer asks for producer → sink.
  await canvas.dragInputOnto(sink, producer);
  await expect(
    workbench.alert(
      'A producer can connect to a Kafka topic, a RabbitMQ exchange or a RabbitMQ queue, not to a sink: messages reach a sink through a topic or a queue',
    ),
  ).toBeVisible();
  await expect(canvas.edges()).toHaveCount(0);
  // Nodes show only the handles they can use: a sink has no output, a producer no input.
  await expect(canvas.node(sink).locator('.react-flow__handle.source')).toHaveCount(0);
  await expect(canvas.node(producer).locator('.react-flow__handle.target')).toHaveCount(0);
});

test('a group moves its members, and a note shows its Markdown as text', async ({ workbench }, testInfo) => {
  const { palette, canvas, inspector, toolbar } = workbench;
  await toolbar.newFlow();
  // Positions stay clear of the zoom controls (bottom left) and the minimap (bottom right).
  const group = await palette.dragToCanvas('group', 300, 200);
  const member = await palette.dragToCanvas('kafkaTopic', 340, 270);
  const outsider = await palette.dragToCanvas('sink', 200, 520);
  const delta = async (
    move: () => Promise<void>,
    ...ids: string[]
  ): Promise<Array<{ x: number; y: number }>> => {
    const before = await Promise.all(ids.map((id) => canvas.box(id)));
    await move();
    const after = await Promise.all(ids.map((id) => canvas.box(id)));
    return after.map((a, i) => ({ x: Math.round(a.x - before[i].x), y: Math.round(a.y - before[i].y) }));
  };
  const [groupMoved, memberMoved, outsiderMoved] = await delta(
    () => canvas.dragNodeBy(group, 60, 40),
    group,
    member,
    outsider,
  );
  expect(groupMoved.x).toBeGreaterThan(30);
  expect(memberMoved).toEqual(groupMoved);
  expect(outsiderMoved).toEqual({ x: 0, y: 0 });

  // Dragged into the box, the outsider joins the group and moves with it from then on.
  await canvas.dragNodeBy(outsider, 260, -130);
  const [again, joined] = await delta(() => canvas.dragNodeBy(group, -40, 20), group, outsider);
  expect(again.x).toBeLessThan(-20);
  expect(joined).toEqual(again);

  const note = await palette.dragToCanvas('note', 700, 100);
  await canvas.select(note);
  await inspector.fill('Text (Markdown)', '# Orders\n**Bold** and `code`\n<b>not markup</b>');
  await expect(canvas.noteText(note).locator('strong')).toHaveText('Bold');
  await expect(canvas.noteText(note).locator('code')).toHaveText('code');
  await expect(canvas.noteText(note)).toContainText('<b>not markup</b>');
  await expect(canvas.noteText(note).locator('b')).toHaveCount(0);
  await workbench.screenshot(testInfo, 'group-and-note');
});

test('a flow using every kind opens from a format 2 file with its groups, bindings and labels', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, dialogs, toolbar, page } = workbench;
  const validation = new ValidationPage(page);
  await placeFlow(server, 'every-kind.flow.json');
  await toolbar.newFlow();
  await dialogs.openFile('every-kind.flow.json');
  await expect(canvas.nodes()).toHaveCount(24);
  await expect(canvas.edges()).toHaveCount(19);
  // Every label is shown; their order in the page follows rendering, not the file.
  const labels = ['⊛ retry-policy', 'eu', 'else', 'orders.*.eu', 'SayHello'];
  await expect
    .poll(async () => {
      const shown = (await canvas.edgeLabels().allTextContents()).map((t) => t.trim());
      return labels.filter((l) => !shown.includes(l));
    })
    .toEqual([]);
  // A well-designed flow: nothing for the validation panel to say.
  await expect(validation.items).toHaveCount(0);
  await workbench.screenshot(testInfo, 'every-kind-flow-light');
  await new ThemePage(page).use('dark');
  await workbench.screenshot(testInfo, 'every-kind-flow-dark');
});
