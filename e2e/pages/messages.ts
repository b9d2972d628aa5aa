import { expect, type Locator, type Page } from '@playwright/test';

/** The messages panel at the bottom: recorded messages of the run and the selected one. */
export class MessagesPage {
  readonly rows: Locator;
  readonly payload: Locator;
  readonly total: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('message-row');
    this.payload = page.getByTestId('message-payload');
    this.total = page.getByTestId('messages-total');
  }

  /** Waits for at least one recorded message and opens the newest. */
  async openNewest(): Promise<void> {
    await expect(this.rows.first()).toBeVisible({ timeout: 30_000 });
    await this.rows.first().click();
    await expect(this.payload).toBeVisible();
  }

  /** Opens the newest message recorded by the node named `nodeName`. */
  async openFrom(nodeName: string): Promise<void> {
    // The node column (the row's second cell) names it exactly; other cells such as the
    // destination (`/helloworld.Greeter/SayHello`) may contain the same word.
    const exact = new RegExp(`^${nodeName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.rows.filter({ has: this.page.locator('span:nth-child(2)', { hasText: exact }) }).first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.click();
    await expect(this.payload).toBeVisible();
  }

  trace(): Locator {
    return this.page.getByRole('region', { name: 'Trace' });
  }
}
