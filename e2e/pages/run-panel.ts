import { expect, type Locator, type Page } from '@playwright/test';
import type { CanvasPage } from './canvas';

/** The little of the DOM the canvas check touches (e2e code is type-checked without the DOM library). */
interface PixelCanvas {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** Live run state on the nodes, Pause/Resume, and the run panel in the bottom dock. */
export class RunPanelPage {
  readonly panel: Locator;
  readonly pauseButton: Locator;
  readonly logLines: Locator;
  readonly histogramBars: Locator;

  constructor(
    private readonly page: Page,
    private readonly canvas: CanvasPage,
  ) {
    this.panel = page.getByRole('region', { name: 'Run panel' });
    this.pauseButton = page.getByTestId('pause-resume');
    this.logLines = this.panel.getByTestId('run-log-line');
    this.histogramBars = this.panel.getByTestId('histogram-bar');
  }

  /** Shows the run panel tab of the bottom dock. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Run/ }).click();
    await expect(this.panel).toBeVisible();
  }

  /** Shows the messages tab again. */
  async openMessages(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Messages/ }).click();
  }

  /** The status pill on a node (`running`, `paused`, `error`…). */
  nodeStatus(nodeId: string): Locator {
    return this.canvas.node(nodeId).getByTestId('node-status');
  }

  /** A latency or backlog value on a node (`p50`, `p99`, `lag`, `depth`) in ms or messages, or null. */
  async gauge(nodeId: string, field: 'p50' | 'p99' | 'lag' | 'depth'): Promise<number | null> {
    const cell = this.canvas.node(nodeId).getByTestId(`counter-${field}`);
    if ((await cell.count()) === 0) return null;
    return Number(await cell.getAttribute('data-value'));
  }

  /** How many samples the node's sparkline draws (one a second, up to a minute). */
  async sparklinePoints(nodeId: string): Promise<number> {
    const spark = this.canvas.node(nodeId).getByTestId('node-sparkline');
    return Number((await spark.getAttribute('data-points')) ?? 0);
  }

  /** How many sparklines on the canvas have drawn a line (two samples or more). */
  async drawnSparklines(): Promise<number> {
    return this.page
      .getByTestId('node-sparkline')
      .evaluateAll((els) => els.filter((el) => Number(el.getAttribute('data-points') ?? 0) >= 2).length);
  }

  /** Pixels of the node's sparkline (or a chart) that are not transparent. */
  async paintedPixels(canvas: Locator): Promise<number> {
    return canvas.evaluate((el) => {
      const c = el as unknown as PixelCanvas;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      if (data) for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
  }

  /** The `sent` counters shown on nodes anywhere on the canvas. */
  shownSentCounters(): Locator {
    return this.page.getByTestId('counter-sent');
  }

  sparkline(nodeId: string): Locator {
    return this.canvas.node(nodeId).getByTestId('node-sparkline');
  }

  /** A chart of the panel by its name (`Throughput over time`, `Latency over time`). */
  chart(name: string): Locator {
    return this.panel.getByRole('img', { name });
  }

  /** The drawing canvas of a uPlot chart (uPlot draws lines and axes on one canvas). */
  chartCanvas(name: string): Locator {
    return this.chart(name).locator('canvas').first();
  }

  /** Chooses the node whose latency the panel shows. */
  async chooseNode(name: string): Promise<void> {
    await this.panel.getByLabel('Node', { exact: true }).selectOption({ label: name });
  }

  /** Log lines naming `nodeName` whose message matches `text`. */
  logLine(nodeName: string, text: string | RegExp): Locator {
    return this.logLines
      .filter({ has: this.page.getByTestId('run-log-node').getByText(nodeName, { exact: true }) })
      .filter({ hasText: text });
  }

  /** Presses the node name of a log line, which selects and centres that node. */
  async revealFrom(line: Locator): Promise<void> {
    await line.getByTestId('run-log-node').click();
  }

  /** Pause/Resume through the toolbar button. */
  async togglePause(): Promise<void> {
    await this.pauseButton.click();
  }

  /**
   * Frame times (ms) the page saw over `ms` of wall time, measured in the page with
   * requestAnimationFrame so Playwright's own round trips are not counted.
   */
  async frameTimes(ms: number): Promise<{ frames: number; median: number; p95: number; max: number }> {
    return this.page.evaluate((duration) => {
      const g = globalThis as unknown as {
        requestAnimationFrame(cb: (t: number) => void): number;
      };
      return new Promise<{ frames: number; median: number; p95: number; max: number }>((resolve) => {
        const gaps: number[] = [];
        let last = -1;
        let start = -1;
        const step = (t: number): void => {
          if (start < 0) start = t;
          if (last >= 0) gaps.push(t - last);
          last = t;
          if (t - start < duration) g.requestAnimationFrame(step);
          else {
            const sorted = [...gaps].sort((a, b) => a - b);
            const at = (q: number): number =>
              sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
            resolve({ frames: gaps.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] });
          }
        };
        g.requestAnimationFrame(step);
      });
    }, ms);
  }
}
