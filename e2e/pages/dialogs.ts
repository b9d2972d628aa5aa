import { expect, type Locator, type Page } from '@playwright/test';

/** The app's modal dialogs (browser mode's Open, problems, confirmations). */
export class DialogsPage {
  constructor(private readonly page: Page) {}

  /** File → Open in browser mode: picks `fileName` from the workspace list. */
  async openFile(fileName: string): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Open…', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Open flow' });
    await dialog.getByRole('option', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).click();
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** The dialog that lists the problems of a file that could not be opened. */
  cannotOpen(): Locator {
    return this.page.getByRole('dialog', { name: /^Cannot open/ });
  }

  async close(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
}
