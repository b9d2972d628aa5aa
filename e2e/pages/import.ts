import { expect, type Locator, type Page } from '@playwright/test';

/** File → Import…: the dialog, its report, and its two ways of opening the result. */
export class ImportPage {
  readonly dialog: Locator;
  readonly report: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import' });
    this.report = this.dialog.getByLabel('Import report');
  }

  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Import…', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Chooses a document file and presses Import. */
  async importFile(path: string): Promise<void> {
    await this.dialog.getByLabel(/OpenAPI 3 or \.proto file/).setInputFiles(path);
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** Pastes a document and presses Import. */
  async importText(text: string): Promise<void> {
    await this.dialog.getByLabel('or paste the document').fill(text);
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  list(name: 'Mapped' | 'Skipped'): Locator {
    return this.report.getByRole('list', { name });
  }

  async openAsNewFlow(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Open as new flow' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async addToCurrentFlow(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Add to current flow' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
