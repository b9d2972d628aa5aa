import type { Locator, Page } from '@playwright/test';

/** The event store's streams and time slider in the inspector. */
export class EventStorePage {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', {
      name: 'Event store timeline',
    });
  }

  async chooseStream(streamId: string): Promise<void> {
    await this.root.getByLabel('Stream', { exact: true }).selectOption(streamId);
  }

  /** Moves the slider to an event number (0: before the first event). */
  async slideTo(version: number): Promise<void> {
    await this.root.getByLabel('Point in time').fill(String(version));
  }

  position(): Locator {
    return this.root.getByTestId('timeline-position');
  }

  /** The folded state shown for the slider's point, parsed. */
  async state(): Promise<Record<string, unknown> | null> {
    const text = await this.root.getByTestId('timeline-state').textContent();
    return text?.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : null;
  }
}
