import { expect, type Locator, type Page } from '@playwright/test';

/** The message browser at the bottom: filter bar, recorded messages and the selected one. */
export class MessagesPage {
  readonly rows: Locator;
  /** The raw payload text (the Raw view). */
  readonly payload: Locator;
  readonly total: Locator;
  readonly matching: Locator;
  readonly tree: Locator;
  readonly compare: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('message-row');
    this.payload = page.getByTestId('message-payload');
    this.total = page.getByTestId('messages-total');
    this.matching = page.getByTestId('messages-loaded');
    this.tree = page.getByTestId('message-json-tree');
    this.compare = page.getByTestId('message-compare');
  }

  private filterBar(): Locator {
    return this.page.getByRole('form', { name: 'Message filter' });
  }

  /** Shows the payload as raw text (JSON opens as a tree first). */
  async showRaw(): Promise<void> {
    await expect(this.page.getByTestId('message-detail')).toBeVisible();
    const raw = this.page.getByRole('tab', { name: 'Raw' });
    if (await raw.isVisible()) await raw.click();
  }

  /** Waits for at least one recorded message and opens the newest. */
  async openNewest(): Promise<void> {
    await expect(this.rows.first()).toBeVisible({ timeout: 30_000 });
    await this.rows.first().click();
    await this.showRaw();
    await expect(this.payload).toBeVisible();
  }

  /** Opens the newest message recorded by the node named `nodeName`. */
  async openFrom(nodeName: string): Promise<void> {
    // The node column names it exactly; other cells such as the destination
    // (`/helloworld.Greeter/SayHello`) may contain the same word.
    const exact = new RegExp(`^${nodeName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.rows.filter({ has: this.page.locator('[data-col="node"]', { hasText: exact }) }).first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.click();
    await this.showRaw();
    await expect(this.payload).toBeVisible();
  }

  /** Drags the panel's top edge up by `by` pixels, so filter bar, rows and detail all fit. */
  async enlarge(by = 380): Promise<void> {
    const box = await this.page.getByRole('separator', { name: 'Resize the messages panel' }).boundingBox();
    if (!box) throw new Error('the messages panel resizer is not on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2, box.y - by, { steps: 8 });
    await this.page.mouse.up();
  }

  trace(): Locator {
    return this.page.getByRole('region', { name: 'Trace' });
  }

  /** Types into a filter field by its label and applies the filter (Enter). */
  async filter(label: string, value: string): Promise<void> {
    const field = this.filterBar().getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Enter');
  }

  /** The inline problem shown under a filter field. */
  fieldError(): Locator {
    return this.filterBar().getByRole('alert');
  }

  async clearFilter(): Promise<void> {
    await this.filterBar().getByRole('button', { name: 'Clear' }).click();
  }

  async saveFilter(name: string): Promise<void> {
    await this.filterBar().getByRole('button', { name: 'Save filter…' }).click();
    await this.filterBar().getByLabel('Filter name').fill(name);
    await this.filterBar().getByLabel('Filter name').press('Enter');
    await expect(this.filterBar().getByLabel('Saved filters')).toContainText(name);
  }

  async restoreFilter(name: string): Promise<void> {
    await this.filterBar().getByLabel('Saved filters').selectOption(name);
  }

  async tickForCompare(index: number): Promise<void> {
    await this.rows.nth(index).getByRole('checkbox').check();
  }

  liveButton(): Locator {
    return this.page.getByRole('button', { name: /^(Pause|Resume) live/ });
  }

  /** Imports an NDJSON file into a topic or queue of the running flow; resolves with the status text. */
  async importFile(path: string, into: string): Promise<string> {
    await this.openPopover('message-import-menu');
    const box = this.page.getByTestId('message-import');
    await box.getByLabel('Import into').selectOption({ label: into });
    await box.locator('input[type="file"]').setInputFiles(path);
    const status = box.getByRole('status');
    await expect(status).toContainText('Sent', { timeout: 30_000 });
    return (await status.textContent()) ?? '';
  }

  /**
   * Exports the filtered set (browser mode: under `fileName` in the workspace folder);
   * resolves with the status text once it is done.
   */
  async exportAs(format: 'JSON' | 'NDJSON' | 'CSV', fileName?: string): Promise<string> {
    await this.openPopover('message-export-menu');
    const box = this.page.getByTestId('message-export');
    await box.getByLabel('Export format').selectOption({ label: format });
    if (fileName !== undefined) await box.getByLabel('Export file name').fill(fileName);
    await box.getByRole('button', { name: 'Export filtered' }).click();
    const status = box.getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    return (await status.textContent()) ?? '';
  }

  /** Opens the bar's Export… or Import… popover unless it is open already. */
  private async openPopover(testId: string): Promise<void> {
    const menu = this.page.getByTestId(testId);
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
    await expect(menu).toHaveAttribute('open', '');
  }
}
