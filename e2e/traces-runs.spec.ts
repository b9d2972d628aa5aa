import { expect, test } from './fixtures/app';
import { writeFlow } from './fixtures/workspace';
import { RunsPage, TracePage } from './pages/traces-runs';
import type { Workbench } from './pages/workbench';

const MESSAGES = 20;

/** Producer → topic → consumer on Embedded, 20 messages at 40 msg/s. */
const flow = {
  version: 2,
  name: 'Traces and runs',
  nodes: [
    {
      id: 'orders',
      kind: 'producer',
      position: { x: 0, y: 0 },
      config: { name: 'orders', rate: 40, count: MESSAGES },
    },
    {
      id: 'topic',
      kind: 'kafkaTopic',
      position: { x: 320, y: 0 },
      config: { name: 'orders topic', topic: 'orders' },
    },
    {
      id: 'billing',
      kind: 'consumer',
      position: { x: 640, y: 0 },
      config: { name: 'billing', group: 'billing' },
    },
  ],
  edges: [
    { id: 'e-orders-topic', source: 'orders', target: 'topic' },
    { id: 'e-topic-billing', source: 'topic', target: 'billing' },
  ],
};

async function runOnce({ toolbar, canvas }: Workbench): Promise<void> {
  await toolbar.run();
  await toolbar.waitForRunState('running');
  await expect.poll(() => canvas.counter('billing', 'acked'), { timeout: 30_000 }).toBe(MESSAGES);
  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');
}

test('open a message trace, look one up by id, play back a run, compare two runs, delete one', async ({
  workbench,
  server,
}, testInfo) => {
  const { dialogs, messages, page } = workbench;
  const trace = new TracePage(page);
  const runs = new RunsPage(page);
  await writeFlow(server, 'traces-runs.flow.json', flow);
  await dialogs.openFile('traces-runs.flow.json');
  await runOnce(workbench);

  // A message's trace: its spans nested in a waterfall, its path drawn on the canvas.
  await messages.openFrom('orders');
  await trace.openFromMessage();
  await expect(trace.rows.first()).toHaveAttribute('data-kind', 'produce');
  await expect(trace.rows).toHaveCount(3);
  await expect(trace.rows.nth(1)).toHaveAttribute('data-kind', 'deliver');
  await expect(trace.rows.nth(2)).toHaveAttribute('data-kind', 'ack');
  await expect.poll(() => trace.edgeStrokeWidth('e-orders-topic')).toBe('3px');
  await expect.poll(() => trace.edgeStrokeWidth('e-topic-billing')).toBe('3px');
  await workbench.screenshot(testInfo, '01-trace-waterfall');

  await trace.show('Sequence');
  await expect(trace.participants).toHaveCount(2);
  await expect(trace.arrows.filter({ hasText: 'deliver orders' })).toHaveCount(1);
  await workbench.screenshot(testInfo, '02-trace-sequence');

  // Look up by id: a bad id is refused with a reason; a traceparent header finds its trace.
  const id = await trace.traceId();
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await trace.lookUp('not-a-trace');
  await expect(workbench.alert(/32 hex characters/)).toBeVisible();
  await trace.show('Waterfall');
  await trace.lookUp(`00-${id.toUpperCase()}-0123456789abcdef-01`);
  await expect(trace.meta).toContainText(`3 spans · 3 rows · trace ${id}`);
  await expect(trace.rows).toHaveCount(3);

  await runOnce(workbench);
  await runOnce(workbench);

  // Playback of the newest run: counts per node at any moment, edges lit as messages pass.
  await runs.open();
  await expect(runs.rows).toHaveCount(3);
  await runs.tick(0);
  await expect(page.getByTestId('run-report')).toContainText(`${MESSAGES} messages`);
  await runs.button('Play back').click();
  await runs.scrubTo(0.5);
  await expect(runs.playbackCounts).toContainText(/orders out \d+/);
  await expect.poll(() => trace.highlightCss()).toContain('::after');
  await workbench.screenshot(testInfo, '03-playback-midway');
  await runs.playAt('64');
  await expect(runs.playbackCounts).toContainText(`orders out ${MESSAGES}`);
  await expect(runs.playbackCounts).toContainText(`billing in ${MESSAGES}`);
  await runs.button('Close playback').click();

  // Two runs compared on the same axes.
  await runs.tick(1);
  await expect(runs.compare).toBeVisible();
  await expect(runs.compare.locator('canvas')).toHaveCount(2);
  await workbench.screenshot(testInfo, '04-compare');

  // Delete the oldest run: progress to done, two runs left.
  await runs.untickAll();
  await runs.tick(2);
  await runs.button(/Delete/).click();
  await expect(runs.deleteProgress).toContainText('1 of 1 deleted, done');
  await expect(runs.rows).toHaveCount(2);
  await workbench.screenshot(testInfo, '05-deleted');
});
