import { expect, type Locator, type Page } from '@playwright/test';

/** File → Export…: the dialog, its fields and what it reports. */
export class ExportPage {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Export' });
  }

  /** Opens the dialog from the toolbar's Export… button. */
  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Export…', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Picks the format by its label, e.g. "SVG image (vector)". */
  async format(label: string): Promise<void> {
    await this.dialog.getByLabel('Format').selectOption({ label });
  }

  async background(label: 'Light theme' | 'Dark theme' | 'Transparent'): Promise<void> {
    await this.dialog.getByLabel('Background').selectOption({ label });
  }

  async scale(label: '1x' | '2x' | '4x'): Promise<void> {
    await this.dialog.getByLabel('Scale').selectOption({ label });
  }

  async scope(which: 'Whole flow' | RegExp): Promise<void> {
    await this.dialog.getByRole('radio', { name: which }).check();
  }

  async fileName(name: string): Promise<void> {
    await this.dialog.getByLabel('File name').fill(name);
  }

  /** Presses Export and returns the path the app reports having written. */
  async exportFile(): Promise<string> {
    await this.dialog.getByRole('button', { name: /^Export/ }).click();
    await expect(this.dialog).toBeHidden();
    const notice = this.page
      .getByRole('alert')
      .filter({ hasText: /^Exported / })
      .last();
    await expect(notice).toBeVisible();
    const text = (await notice.locator('span').first().textContent()) ?? '';
    // Dismissed, so the next export's notice is the only one.
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    return text.replace(/^Exported /, '').trim();
  }

  async copy(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(
      this.page
        .getByRole('alert')
        .filter({ hasText: /^Copied / })
        .last(),
    ).toBeVisible();
  }
}
