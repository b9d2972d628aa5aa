import { expect, type Locator, type Page } from '@playwright/test';

/** The top toolbar: file commands, flow name, environment and Run/Stop. */
export class ToolbarPage {
  readonly runState: Locator;

  constructor(private readonly page: Page) {
    this.runState = page.getByTestId('run-state');
  }

  private button(name: string): Locator {
    return this.page.getByRole('banner').getByRole('button', { name, exact: true });
  }

  /** File → New, discarding unsaved changes when the app asks; waits for the empty canvas. */
  async newFlow(): Promise<void> {
    await this.pressNew();
    const confirm = this.discardDialog();
    const empty = this.page.getByText('Drag a component from the palette to start a flow.');
    await expect(confirm.or(empty)).toBeVisible();
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Discard changes' }).click();
    await expect(empty).toBeVisible();
  }

  /** Just presses New (for tests of the confirmation itself). */
  async pressNew(): Promise<void> {
    await this.button('New').click();
  }

  /** The confirmation shown before unsaved changes would be lost. */
  discardDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  }

  /** File → Save As in browser mode: types the file name into the in-app dialog. */
  async saveAs(fileName: string): Promise<void> {
    await this.button('Save As…').click();
    const dialog = this.page.getByRole('dialog', { name: 'Save flow as' });
    await dialog.getByLabel('File name').fill(fileName);
    await dialog.getByRole('button', { name: /^(Save|Replace)$/ }).click();
    await expect(dialog).toBeHidden();
  }

  async save(): Promise<void> {
    await this.button('Save').click();
  }

  /** Chooses `Embedded` or `Local brokers` (keeping the broker addresses unless given). */
  async chooseEnvironment(
    label: 'Embedded' | 'Local brokers',
    brokers?: { kafka?: string; amqp?: string },
  ): Promise<void> {
    await this.environment().selectOption({ label });
    if (!brokers) return;
    await this.brokerSummary().click();
    const panel = this.page.getByRole('group', { name: 'Local brokers' });
    if (brokers.kafka) await panel.getByLabel('Kafka brokers').fill(brokers.kafka);
    if (brokers.amqp) await panel.getByLabel('AMQP URL').fill(brokers.amqp);
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(panel).toBeHidden();
  }

  /** The button that shows the local broker addresses (and opens the panel to edit them). */
  brokerSummary(): Locator {
    return this.page.getByRole('button', { name: /^Broker addresses/ });
  }

  environment(): Locator {
    return this.page.getByLabel('Environment', { exact: true });
  }

  async run(): Promise<void> {
    await this.button('▶ Run').click();
  }

  async stop(): Promise<void> {
    await this.button('■ Stop').click();
  }

  /** Waits until the run state badge shows one of `states` (idle, starting, running, stopped, failed…). */
  async waitForRunState(...states: string[]): Promise<void> {
    await expect(this.runState).toHaveAttribute('data-state', new RegExp(`^(${states.join('|')})$`), {
      timeout: 60_000,
    });
  }

  /** The problems listed when Run refused to start. */
  runProblems(): Locator {
    return this.page.getByRole('region', { name: 'Run problems' }).getByRole('listitem');
  }

  fileLabel(): Locator {
    return this.page.locator('.fb-toolbar__file');
  }
}
