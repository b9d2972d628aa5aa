import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LARGE_FLOW_EDGES, LARGE_FLOW_NODES, largeFlow } from '../bench/canvas/large-flow';
import { serializeFlow } from '../src-shared/flow/parse';
import { expect, test } from './fixtures/app';
import { waitUntilShown } from './pages/render-probe';
import { ViewportPage } from './pages/viewport';

test('the minimap shows every node and where the canvas looks, and dragging or wheeling it moves the canvas', async ({
  workbench,
  server,
}, testInfo) => {
  const { dialogs, page } = workbench;
  const viewport = new ViewportPage(page);
  await writeFile(join(server.dataDir, 'flows', 'large.flow.json'), serializeFlow(largeFlow()));
  const open = await dialogs.chooseFileToOpen('large.flow.json');
  await open.click();
  await waitUntilShown(page, { nodes: LARGE_FLOW_NODES, edges: LARGE_FLOW_EDGES });

  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap.locator('rect.react-flow__minimap-node')).toHaveCount(LARGE_FLOW_NODES);
  // The box of what the canvas shows lies inside the map.
  const box = page.locator('.fb-minimap__view');
  const inside = async (): Promise<boolean> => {
    const [m, b] = [await minimap.boundingBox(), await box.boundingBox()];
    if (!m || !b) return false;
    return (
      b.x >= m.x - 1 &&
      b.y >= m.y - 1 &&
      b.x + b.width <= m.x + m.width + 1 &&
      b.y + b.height <= m.y + m.height + 1
    );
  };
  await expect.poll(inside).toBe(true);
  await testInfo.attach('minimap.png', { body: await minimap.screenshot(), contentType: 'image/png' });

  // Dragging the map right and down moves the view that way (the flow slides left and up).
  const before = await viewport.current();
  const m = await minimap.boundingBox();
  if (!m) throw new Error('no minimap');
  const [cx, cy] = [m.x + m.width / 2, m.y + m.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 20, cy + 10, { steps: 5 });
  await page.mouse.up();
  const dragged = await viewport.current();
  expect(dragged.x).toBeLessThan(before.x);
  expect(dragged.y).toBeLessThan(before.y);
  expect(dragged.zoom).toBe(before.zoom);
  await expect.poll(inside).toBe(true);

  // The wheel over the map zooms the canvas.
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -240);
  await expect.poll(async () => (await viewport.current()).zoom).toBeGreaterThan(before.zoom);
  await expect.poll(inside).toBe(true);
});
