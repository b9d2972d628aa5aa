import { expect, type Locator, type Page } from '@playwright/test';

/** The inspector's typed lists of faults and the ⚡ badges on the canvas. */
export class FaultsPage {
  private readonly inspector: Locator;

  constructor(private readonly page: Page) {
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
  }

  /** Adds a fault of `kind` (its label, e.g. `Drop`) to the selected node or connection. */
  async add(kind: string): Promise<void> {
    await this.inspector.getByLabel('Add fault', { exact: true }).selectOption({ label: kind });
  }

  /** The card of fault `n` (1-based) in the inspector. */
  item(n: number): Locator {
    return this.inspector.getByRole('region', { name: `Fault ${n}`, exact: true });
  }

  /** A field of fault `n` by its label, e.g. `probability`. */
  field(n: number, label: string): Locator {
    return this.inspector.getByLabel(`Fault ${n} ${label}`, { exact: true });
  }

  /** Switches fault `n` on or off from its title bar. */
  async setEnabled(n: number, on: boolean): Promise<void> {
    const toggle = this.field(n, 'enabled');
    await toggle.setChecked(on);
    await expect(toggle).toBeChecked({ checked: on });
  }

  /** The "⚡ N faults" badge drawn on the connection `edgeId`. */
  edgeBadge(edgeId: string): Locator {
    return this.page.locator(`.fb-edge-faults[data-edge-id="${edgeId}"]`).getByTestId('fault-badge');
  }
}
