import { expect, type Locator, type Page } from '@playwright/test';

/** The Trace tab: lookup by id, waterfall, sequence diagram. */
export class TracePage {
  readonly region: Locator;
  readonly rows: Locator;
  readonly meta: Locator;
  readonly participants: Locator;
  readonly arrows: Locator;
  readonly canvasHighlight: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Trace view' });
    this.rows = page.getByTestId('waterfall-row');
    this.meta = page.getByTestId('trace-meta');
    this.participants = page.getByTestId('sequence-participant');
    this.arrows = page.getByTestId('sequence-arrow');
    this.canvasHighlight = page.getByTestId('canvas-highlight');
  }

  /** Opens the trace of the message shown in the message detail. */
  async openFromMessage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open trace' }).click();
    await expect(this.region).toBeVisible();
  }

  async lookUp(text: string): Promise<void> {
    await this.region.getByLabel('Trace id').fill(text);
    await this.region.getByRole('button', { name: 'Look up' }).click();
  }

  async show(view: 'Waterfall' | 'Sequence'): Promise<void> {
    await this.region.getByRole('button', { name: view }).click();
  }

  /** The style sheet drawing a trace path or playback on the canvas ('' when none). */
  async highlightCss(): Promise<string> {
    if ((await this.canvasHighlight.count()) === 0) return '';
    return (await this.canvasHighlight.textContent()) ?? '';
  }

  /** The stroke width an edge is drawn with right now (a lit edge is wider). */
  edgeStrokeWidth(edgeId: string): Promise<string> {
    return this.page
      .locator(`.react-flow__edge[data-id="${edgeId}"] path.react-flow__edge-path`)
      .evaluate(
        (el) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { strokeWidth: string } }
          ).getComputedStyle(el).strokeWidth,
      );
  }

  /** The trace id the tab shows (from its meta line). */
  async traceId(): Promise<string> {
    const text = (await this.meta.textContent()) ?? '';
    return /trace ([0-9a-f]{32})/.exec(text)?.[1] ?? '';
  }
}

/** The History tab (runs): history, report, comparison, playback, deletion. */
export class RunsPage {
  readonly region: Locator;
  readonly rows: Locator;
  readonly compare: Locator;
  readonly playbackCounts: Locator;
  readonly deleteProgress: Locator;

  constructor(private readonly page: Page) {
    this.region = page.locator('section.fb-runs');
    this.rows = page.getByTestId('run-row');
    this.compare = page.getByTestId('run-compare');
    this.playbackCounts = page.getByTestId('playback-counts');
    this.deleteProgress = page.getByTestId('delete-progress');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'History' }).click();
    await expect(this.region).toBeVisible();
  }

  /** Ticks (or unticks) the run in row `index` (0 = newest). */
  async tick(index: number): Promise<void> {
    await this.rows.nth(index).getByRole('checkbox').click();
  }

  async untickAll(): Promise<void> {
    for (const box of await this.rows.getByRole('checkbox').all())
      if (await box.isChecked()) await box.uncheck();
  }

  button(name: string | RegExp, options: { exact?: boolean } = {}): Locator {
    return this.region.getByRole('button', { name, ...options });
  }

  async playAt(speed: string): Promise<void> {
    await this.region.getByLabel('Playback speed').selectOption(speed);
    await this.button('Play', { exact: true }).click();
  }

  /** Moves the playback slider to a fraction of the run (0 = start, 1 = end). */
  async scrubTo(fraction: number): Promise<void> {
    const slider = this.region.getByLabel('Playback position');
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    await slider.fill(String(Math.round(min + (max - min) * fraction)));
  }
}
