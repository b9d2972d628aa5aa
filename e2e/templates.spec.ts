import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';
import { TemplatesPage } from './pages/templates';
import { ValidationPage } from './pages/validation';

const DIR = join(__dirname, '..', 'resources', 'templates');

/** Every template in the folder: its pattern name (the `# ` line) and its node ids. */
const TEMPLATES = readdirSync(DIR)
  .filter((f) => f.endsWith('.flow.json'))
  .sort()
  .map((file) => {
    const id = file.slice(0, -'.flow.json'.length);
    const md = readFileSync(join(DIR, `${id}.md`), 'utf8');
    const flow = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { nodes: Array<{ id: string }> };
    return { id, name: /^# (.+)$/m.exec(md)?.[1] ?? id, nodeIds: flow.nodes.map((n) => n.id) };
  });

test('the gallery lists every template, searches them, and opens one with its explanation', async ({
  workbench,
}, testInfo) => {
  const templates = new TemplatesPage(workbench.page);
  await templates.openGallery();
  await expect(templates.cards).toHaveCount(TEMPLATES.length);
  for (const t of TEMPLATES) await expect(templates.card(t.name)).toBeVisible();
  await workbench.screenshot(testInfo, '01-gallery');

  await templates.search.fill('kafka consumer publish');
  await expect(templates.card('Publish/subscribe')).toBeVisible();
  await templates.search.fill('no pattern is called this');
  await expect(templates.cards).toHaveCount(0);
  await expect(templates.gallery).toContainText('No template matches.');
  await templates.search.fill('');

  await templates.choose('Publish/subscribe');
  await expect(templates.explanation).toContainText('When to use');
  await expect(templates.explanation.getByRole('heading', { name: 'Publish/subscribe' })).toBeVisible();
  await expect(workbench.toolbar.fileLabel()).toHaveText('not saved yet');
  await workbench.screenshot(testInfo, '02-opened');

  await templates.closeExplanation();
  await templates.reopen.click();
  await expect(templates.explanation).toBeVisible();

  // Another flow takes the explanation away with it.
  await workbench.toolbar.newFlow();
  await expect(templates.explanation).toBeHidden();
  await expect(templates.reopen).toBeHidden();
});

test('the decision tree asks the page’s questions, recommends a queue with its reasons, and opens its template', async ({
  workbench,
}, testInfo) => {
  const templates = new TemplatesPage(workbench.page);
  await templates.openGallery();
  await templates.gallery.getByRole('button', { name: 'Help me choose…' }).click();
  const chooser = templates.chooser();
  await templates.answer(/all or nothing/, 'No');
  await templates.answer(/immediate response/, 'Yes');
  await templates.answer(/Who calls/, 'Public or simple CRUD API');
  await expect(chooser.getByRole('region', { name: 'Recommendation' })).toContainText(
    'Recommended: REST API',
  );
  await expect(chooser.getByRole('button', { name: 'Open template' })).toBeEnabled();

  await chooser.getByRole('button', { name: 'Back' }).click();
  await chooser.getByRole('button', { name: 'Back' }).click();
  await templates.answer(/immediate response/, 'No');
  await templates.answer(/several consumers/, 'No');
  const reasoning = chooser.getByRole('list', { name: 'Reasoning' }).getByRole('listitem');
  await expect(reasoning).toHaveText([
    'No distributed transaction is involved.',
    'The caller does not wait, so events or a queue decouple it.',
    'Each message is work for exactly one consumer.',
  ]);
  await expect(chooser).toContainText('Recommended: Message queue');
  await workbench.screenshot(testInfo, '01-chooser');
  await chooser.getByRole('button', { name: 'Open template' }).click();
  await expect(chooser).toBeHidden();

  await expect(workbench.canvas.node('jobs-queue')).toBeVisible();
  const why = templates.explanation.getByRole('region', { name: 'Why this pattern' });
  await expect(why).toContainText('Each message is work for exactly one consumer.');
  await expect(templates.explanation.getByRole('heading', { name: 'Message queue' })).toBeVisible();
  await workbench.screenshot(testInfo, '02-opened-with-reasons');
});

for (const t of TEMPLATES) {
  test(`template ${t.id}: opens from the gallery with no problems and runs on Embedded`, async ({
    workbench,
  }, testInfo) => {
    const { canvas, toolbar } = workbench;
    const templates = new TemplatesPage(workbench.page);
    await templates.openGallery();
    await templates.choose(t.name);
    for (const id of t.nodeIds) await expect(canvas.node(id)).toBeVisible();
    await expect(new ValidationPage(workbench.page).badge).toHaveAttribute('data-count', '0');
    await expect(toolbar.environment()).toHaveValue('embedded');

    await toolbar.run();
    await toolbar.waitForRunState('running');
    const received = async (): Promise<number> => {
      let sum = 0;
      for (const id of t.nodeIds) sum += await canvas.counter(id, 'received');
      return sum;
    };
    await expect
      .poll(received, { message: 'messages received by the nodes', timeout: 30_000 })
      .toBeGreaterThan(0);
    for (const id of t.nodeIds) await expect(canvas.nodeError(id)).toHaveCount(0);
    await workbench.screenshot(testInfo, `${t.id}-running`);

    await toolbar.stop();
    await toolbar.waitForRunState('stopped', 'idle');
  });
}

test('message queue: while it runs, the dead-letter queue offers a redrive back to jobs', async ({
  workbench,
}) => {
  const { canvas, toolbar, inspector } = workbench;
  const templates = new TemplatesPage(workbench.page);
  await templates.openGallery();
  await templates.choose('Message queue');
  await templates.closeExplanation();
  await canvas.select('dead-letters');
  const deadLetters = workbench.page.getByRole('region', { name: 'Dead letters' });
  await expect(deadLetters).toBeHidden();

  await toolbar.run();
  await toolbar.waitForRunState('running');
  await expect.poll(() => canvas.counter('workers', 'acked'), { timeout: 30_000 }).toBeGreaterThan(0);
  await deadLetters.getByRole('button', { name: 'Redrive to jobs' }).click();
  await expect(workbench.alert(/Moved \d+ messages? back to jobs\./)).toBeVisible();
  await expect(inspector.field('Queue')).toHaveValue('jobs-dead-letters');

  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
  await expect(deadLetters).toBeHidden();
});
