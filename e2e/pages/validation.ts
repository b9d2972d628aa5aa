import type { Locator, Page } from '@playwright/test';

/** The validation panel beside the messages and its count in the toolbar. */
export class ValidationPage {
  readonly panel: Locator;
  readonly items: Locator;
  readonly badge: Locator;

  constructor(page: Page) {
    this.panel = page.getByRole('region', { name: 'Validation' });
    this.items = page.getByTestId('validation-item');
    this.badge = page.getByTestId('validation-count');
  }

  /** The findings of one rule, e.g. `producer-without-target`. */
  finding(rule: string): Locator {
    return this.items.and(this.panel.locator(`[data-rule="${rule}"]`));
  }

  /** The findings of one rule about the node named `nodeName`. */
  findingAbout(rule: string, nodeName: string): Locator {
    return this.finding(rule).filter({ hasText: nodeName });
  }

  toggle(): Locator {
    return this.panel.getByRole('button', { name: /Problems/ });
  }
}
