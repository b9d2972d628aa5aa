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

/** What a service (a group, or a node with state steps) holds in this run, in the inspector. */
export class ServiceStatePage {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page
      .getByRole('complementary', { name: 'Inspector' })
      .getByRole('region', { name: 'Service state' });
  }

  /** The entries of a store (`key · type`), shown or folded. */
  entries(store: string, text: RegExp): Locator {
    return this.root.locator(`[data-store="${store}"] li`).filter({ hasText: text });
  }

  /** The `N held` line of a store. */
  held(store: string): Locator {
    return this.root.locator(`[data-store="${store}"] .fb-sagas__step`);
  }
}
