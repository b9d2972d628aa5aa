import { expect, test } from './fixtures/app';

/**
 * Every toolbar control stays on screen at laptop widths: the toolbar gained Templates…,
 * Export… and Import…, and at 1280 px Run was pushed past the window's edge.
 */
for (const width of [1280, 1440]) {
  test(`at ${width} px wide every toolbar control, Run included, is on screen`, async ({ workbench }) => {
    const { page } = workbench;
    await page.setViewportSize({ width, height: 800 });
    const toolbar = page.getByRole('banner');
    await expect.poll(() => toolbar.evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(0);
    for (const name of ['▶ Run', 'Export…', 'Import…', 'Save As…']) {
      const box = await toolbar.getByRole('button', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, `${name} ends inside the window`).toBeLessThanOrEqual(width);
    }
  });
}
