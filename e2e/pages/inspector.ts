import type { Locator, Page } from '@playwright/test';

/** The inspector on the right: the selected node's form. */
export class InspectorPage {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
  }

  /** A form field by its visible label, e.g. `Topic`, `Rate`. */
  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string | number): Promise<void> {
    await this.field(label).fill(String(value));
  }

  /** The inline errors shown under the fields. */
  errors(): Locator {
    return this.root.getByRole('alert');
  }

  /** The inline error with this text, e.g. `Topic is required`. */
  error(text: string | RegExp): Locator {
    return this.errors().filter({ hasText: text });
  }

  heading(): Locator {
    return this.root.locator('.fb-inspector__kind');
  }
}
