import { expect, type Page } from '@playwright/test';

/** Waits until the app marks itself ready (`data-app-state="ready"` on <html>). */
export async function waitForReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
}

/** Reloads the page as a crashed or closed window would come back, and waits for the app. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await waitForReady(page);
}
