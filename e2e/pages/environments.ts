import { expect, type Locator, type Page } from '@playwright/test';

/** The environment editor dialog (toolbar → Environment → New environment… or ✎). */
export class EnvironmentEditorPage {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(New environment|Environment “)/ });
  }

  /** Opens the editor for a new environment from the toolbar's environment menu. */
  async openNew(): Promise<void> {
    await this.page.getByLabel('Environment', { exact: true }).selectOption({ label: 'New environment…' });
    await expect(this.dialog).toBeVisible();
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  async check(label: string): Promise<void> {
    await this.dialog.getByRole('checkbox', { name: label, exact: true }).check();
  }

  /** A password field's group: its source select, variable or value input and status line. */
  secret(label: string): Locator {
    return this.dialog.getByRole('group', { name: label, exact: true });
  }

  async passwordFromVariable(label: string, variable: string): Promise<void> {
    const group = this.secret(label);
    await group.getByLabel(`${label} source`).selectOption({ label: 'Environment variable' });
    await group.getByLabel(`${label} variable`).fill(variable);
  }

  async testConnection(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Test connection' }).click();
  }

  /** One transport's line in the results ('kafka', 'amqp', 'grpc'). */
  result(transport: string): Locator {
    return this.dialog
      .getByRole('region', { name: 'Connection test' })
      .locator(`[data-transport="${transport}"]`);
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
