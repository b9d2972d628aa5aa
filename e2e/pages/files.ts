import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Recent files, autosave and crash recovery, plus the flow files on disk (browser mode). */
export class FilesPage {
  readonly autosave: Locator;

  constructor(
    private readonly page: Page,
    private readonly dataDir: string,
  ) {
    this.autosave = page.getByTestId('autosave-status');
  }

  /** Presses File → Open (browser mode shows the workspace file list). */
  async pressOpen(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Open…', exact: true }).click();
  }

  /** Opens the toolbar's Recent menu and returns it. */
  async openRecentMenu(): Promise<Locator> {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: /^Recent/ })
      .click();
    const menu = this.page.getByRole('menu', { name: 'Recent files' });
    await expect(menu).toBeVisible();
    return menu;
  }

  /** The file names the Recent menu lists, newest first (waits for the list to load). */
  async recentNames(): Promise<string[]> {
    const menu = await this.openRecentMenu();
    await expect(menu.getByText('Loading…')).toBeHidden();
    const names = await menu.locator('.fb-recent__name').allTextContents();
    await this.page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    return names;
  }

  /** Reopens `fileName` from the Recent menu. */
  async openRecent(fileName: string): Promise<void> {
    const menu = await this.openRecentMenu();
    await menu.getByRole('menuitem', { name: new RegExp(`^${fileName.replace(/\./g, '\\.')}`) }).click();
    await expect(menu).toBeHidden();
  }

  /** Waits until autosave has written the recovery file after the latest edit. */
  async waitForAutosave(): Promise<void> {
    await expect(this.autosave).toHaveAttribute('data-state', 'saved');
  }

  /** The offer to restore unsaved changes shown after a crash. */
  restoreDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Restore unsaved changes?' });
  }

  async answerRestore(choice: 'Restore' | 'Discard'): Promise<void> {
    const dialog = this.restoreDialog();
    await dialog.getByRole('button', { name: choice, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Path of a flow file in this test's workspace flows folder. */
  flowPath(fileName: string): string {
    return join(this.dataDir, 'flows', fileName);
  }

  /** The exact bytes of a workspace flow file. */
  flowBytes(fileName: string): Promise<Buffer> {
    return readFile(this.flowPath(fileName));
  }

  /** Whether the recovery file exists in the data folder. */
  async hasRecoveryFile(): Promise<boolean> {
    return readFile(join(this.dataDir, 'recovery.json')).then(
      () => true,
      () => false,
    );
  }

  /** The flow name field in the toolbar. */
  flowName(): Locator {
    return this.page.getByRole('banner').getByLabel('Flow name');
  }
}
