import type { Locator, Page } from '@playwright/test';

/** The behaviour steps of the selected service or routing node in the inspector. */
export class BehavioursPage {
  readonly list: Locator;

  constructor(page: Page) {
    this.list = page.getByRole('complementary', { name: 'Inspector' }).getByTestId('typed-list-behaviours');
  }

  /** Adds a step of `kind` by its label, e.g. `Transform`. */
  async add(kind: string): Promise<void> {
    await this.list.getByLabel('Add behaviour', { exact: true }).selectOption({ label: kind });
  }

  /** The kinds of the steps in order, as their cards show them. */
  kinds(): Promise<string[]> {
    return this.list
      .locator('.fb-typed-item')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-kind') ?? ''));
  }

  /** A field of step `n` (1-based) by its label, e.g. `template`. */
  field(n: number, label: string): Locator {
    return this.list.getByLabel(`Behaviour ${n} ${label}`, { exact: true });
  }

  async moveUp(n: number): Promise<void> {
    await this.list.getByRole('button', { name: `Move behaviour ${n} up` }).click();
  }

  async remove(n: number): Promise<void> {
    await this.list.getByRole('button', { name: `Remove behaviour ${n}` }).click();
  }
}
