import { expect, type Locator, type Page } from '@playwright/test';

/** The Calls tab of the bottom dock: REST, gRPC and GraphQL clients side by side. */
export class CallsPage {
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Calls compared' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Calls/ }).click();
    await expect(this.panel).toBeVisible();
  }

  /** A client's row, by the client's name. */
  row(name: string): Locator {
    return this.panel
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The names of the listed clients, top to bottom (smallest exchange first). */
  async clients(): Promise<string[]> {
    return this.panel.getByRole('rowheader').allInnerTexts();
  }

  /** A cell of a client's row by its column header (`Bytes / reply`, `p50`…). */
  async cell(name: string, column: string): Promise<string> {
    // The table appears with the first measured call; until then the tab says it waits for one.
    await expect(this.panel.getByRole('columnheader', { name: column, exact: true })).toBeVisible({
      timeout: 30_000,
    });
    const headers = await this.panel.getByRole('columnheader').allInnerTexts();
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`no column "${column}" (columns: ${headers.join(', ')})`);
    // The row header is the first cell; the others are cells.
    if (index === 0) return this.row(name).getByRole('rowheader').innerText();
    return this.row(name)
      .getByRole('cell')
      .nth(index - 1)
      .innerText();
  }
}
