import { expect, type Locator, type Page } from '@playwright/test';

/** New from template: the gallery dialog and the explanation panel of the opened template. */
export class TemplatesPage {
  readonly gallery: Locator;
  readonly search: Locator;
  readonly cards: Locator;
  readonly explanation: Locator;
  /** The button left in the canvas corner when the explanation is closed. */
  readonly reopen: Locator;

  constructor(private readonly page: Page) {
    this.gallery = page.getByRole('dialog', { name: 'New from template' });
    this.search = this.gallery.getByRole('searchbox', { name: 'Search templates' });
    this.cards = this.gallery.getByRole('option');
    this.explanation = page.getByRole('complementary', { name: 'About this pattern' });
    this.reopen = page.getByRole('button', { name: /^About this pattern:/ });
  }

  /** Presses the toolbar's New from Template… and waits for the cards. */
  async openGallery(): Promise<void> {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: 'New from Template…', exact: true })
      .click();
    await expect(this.gallery).toBeVisible();
    await expect(this.cards.first()).toBeVisible();
  }

  card(name: string): Locator {
    return this.gallery.getByRole('option', { name, exact: true });
  }

  /** Picks a template by its pattern name and opens it (no unsaved changes to discard). */
  async choose(name: string): Promise<void> {
    await this.card(name).click();
    await this.gallery.getByRole('button', { name: 'Open template' }).click();
    await expect(this.gallery).toBeHidden();
  }

  async closeExplanation(): Promise<void> {
    await this.explanation.getByRole('button', { name: 'Close the explanation' }).click();
    await expect(this.explanation).toBeHidden();
  }

  /** The guided chooser (Choose a Pattern…), reached from the gallery's Help me choose…. */
  chooser(): Locator {
    return this.page.getByRole('dialog', { name: 'Choose a pattern' });
  }

  /** Answers the chooser's current question (checked by its wording) with `answer`. */
  async answer(question: string | RegExp, answer: string): Promise<void> {
    const group = this.chooser().getByRole('group', { name: question });
    await expect(group).toBeVisible();
    await group.getByRole('button', { name: answer, exact: true }).click();
  }
}
