import { expect, test } from './fixtures/app';
import { reloadApp, waitForReady } from './pages/app-state';
import { EditorsPage } from './pages/editors';
import { FilesPage } from './pages/files';
import { FocusPage } from './pages/focus';
import { ThemePage } from './pages/theme';

test('light and dark themes: toggled, remembered, screenshots of the sample flow', async ({
  workbench,
  server,
}, testInfo) => {
  const { canvas, page } = workbench;
  const theme = new ThemePage(page);

  // Something in every region: a selected node (inspector with a code editor and preview).
  await canvas.select('orders-producer');
  await expect(new EditorsPage(page).preview).toBeVisible();

  await theme.use('light');
  await workbench.screenshot(testInfo, 'sample-light');
  await theme.use('dark');
  await workbench.screenshot(testInfo, 'sample-dark');

  // Real contrast in the dark theme: light text on a dark surface.
  const inspectorColours = await new FocusPage(page).luminance(workbench.inspector.root);
  expect(inspectorColours.text).toBeGreaterThan(0.6);
  expect(inspectorColours.background).toBeLessThan(0.1);

  // The choice outlives a reload.
  await reloadApp(page);
  expect(await theme.current()).toBe('dark');
  await new FilesPage(page, server.dataDir).pressOpen();
  await workbench.screenshot(testInfo, 'dialog-dark');
});

test('with no saved choice the theme follows the system preference', async ({ browser, server }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForReady(page);
  expect(await new ThemePage(page).current()).toBe('dark');
  await context.close();
});

test('the inspector is reachable by keyboard, in order, with a visible focus ring', async ({ workbench }) => {
  const { canvas, inspector, page } = workbench;
  const focus = new FocusPage(page);

  await canvas.select('orders-topic');
  const labels = await focus.fieldLabels(inspector.root);
  expect(labels[0]).toBe('Name');
  await inspector.field('Name').focus();
  for (const expected of labels.slice(1, 3)) {
    await page.keyboard.press('Tab');
    const focused = await focus.focused();
    expect(focused.label).toBe(expected);
    expect(focused.outline, `focus ring on ${expected}`).not.toBe('none');
  }
});
