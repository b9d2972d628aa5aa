import { expect, type Locator, type Page } from '@playwright/test';

/** The light/dark switch in the toolbar and the theme the page shows. */
export class ThemePage {
  readonly toggle: Locator;

  constructor(private readonly page: Page) {
    this.toggle = page.getByRole('banner').getByRole('button', { name: 'Dark theme' });
  }

  current(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  /** Switches to `theme` with the toolbar button (no-op when already there). */
  async use(theme: 'light' | 'dark'): Promise<void> {
    if ((await this.current()) !== theme) await this.toggle.click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(this.page.locator('.react-flow')).toHaveClass(new RegExp(`\\b${theme}\\b`));
  }
}
