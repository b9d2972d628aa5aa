import { expect, type Locator, type Page } from '@playwright/test';

/** The app's modal dialogs (browser mode's Open, problems, confirmations). */
export class DialogsPage {
  constructor(private readonly page: Page) {}

  /** File → Open in browser mode: picks `fileName` from the workspace list. */
  async openFile(fileName: string): Promise<void> {
    await (await this.chooseFileToOpen(fileName)).click();
    await expect(this.openDialog()).toBeHidden();
    // The dialog closes before the file is read: until the toolbar names it (or says it cannot
    // be opened), the flow on the canvas is still the one before, and Run would run that one.
    const file = this.page.locator('.fb-toolbar__file');
    await expect
      .poll(
        async () => ((await file.textContent()) ?? '').includes(fileName) || this.cannotOpen().isVisible(),
        { message: `${fileName} opened, or refused` },
      )
      .toBe(true);
  }

  /**
   * Opens File → Open and selects `fileName` without confirming; returns the dialog's Open
   * button, so a test can time what happens after the click.
   */
  async chooseFileToOpen(fileName: string): Promise<Locator> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Open…', exact: true }).click();
    const dialog = this.openDialog();
    await dialog.getByRole('option', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).click();
    return dialog.getByRole('button', { name: 'Open', exact: true });
  }

  openDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Open flow' });
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
