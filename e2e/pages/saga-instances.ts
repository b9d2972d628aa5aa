import type { Locator, Page } from '@playwright/test';

/** The saga orchestrator's instance list in the inspector. */
export class SagaInstancesPage {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page
      .getByRole('complementary', { name: 'Inspector' })
      .getByRole('region', { name: 'Saga instances' });
  }

  /** One row per instance shown. */
  rows(): Locator {
    return this.root.locator('.fb-sagas__row');
  }

  /** Rows whose status badge reads `status`. */
  withStatus(status: string): Locator {
    return this.root.locator(`.fb-sagas__row[data-status="${status}"]`);
  }

  /** Opens the first row of `status` and returns its list of calls. */
  async openFirst(status: string): Promise<Locator> {
    const row = this.withStatus(status).first();
    await row.locator('summary').click();
    return row.locator('.fb-sagas__history li');
  }
}
