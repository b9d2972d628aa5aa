import type { Locator, Page } from '@playwright/test';

export type CounterField = 'sent' | 'received' | 'acked' | 'errors' | 'rate' | 'lag';

/** The flow canvas (React Flow): nodes by id, connections, live counters. */
export class CanvasPage {
  readonly pane: Locator;

  constructor(private readonly page: Page) {
    this.pane = page.locator('.react-flow__pane');
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  async nodeIds(): Promise<string[]> {
    return this.nodes().evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  }

  edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  /** Clicks a node's title bar (not a handle), which selects it; a note or group by its grip. */
  async select(id: string): Promise<void> {
    await this.node(id).locator('.fb-node__grip').first().click();
  }

  /** The node's box on the page (position and size), e.g. to see it move with its group. */
  async box(id: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not visible`);
    return box;
  }

  /** Drags a node by its grip (title bar) by (dx, dy) pixels, with real mouse moves. */
  async dragNodeBy(id: string, dx: number, dy: number): Promise<void> {
    const a = await centre(this.node(id).locator('.fb-node__grip').first());
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(a.x + dx / 2, a.y + dy / 2, { steps: 6 });
    await this.page.mouse.move(a.x + dx, a.y + dy, { steps: 6 });
    await this.page.mouse.up();
  }

  /** The connection from `sourceId` to `targetId` (its interaction path). */
  edge(sourceId: string, targetId: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id^="e-${sourceId}-${targetId}"]`);
  }

  /**
   * Selects the connection from `sourceId` to `targetId` by clicking the middle of its
   * path: half-way between the two handles, where the (symmetric) curve passes.
   */
  async selectEdge(sourceId: string, targetId: string): Promise<void> {
    const a = await centre(this.node(sourceId).locator('.react-flow__handle.source').first());
    const b = await centre(this.node(targetId).locator('.react-flow__handle.target').first());
    await this.page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
  }

  /** The labels drawn on connections (routing key, pattern, method…). */
  edgeLabels(): Locator {
    return this.page.getByTestId('edge-label');
  }

  /** Drags backwards from `targetId`'s input handle onto the body of `sourceId`. */
  async dragInputOnto(targetId: string, sourceId: string): Promise<void> {
    await this.dragBetween(
      this.node(targetId).locator('.react-flow__handle.target').first(),
      this.node(sourceId),
    );
  }

  /** Zooms out with the canvas's zoom control, `times` steps. */
  async zoomOut(times: number): Promise<void> {
    for (let i = 0; i < times; i += 1) await this.page.getByRole('button', { name: 'Zoom Out' }).click();
  }

  /** Zooms in with the canvas's zoom control, `times` steps. */
  async zoomIn(times: number): Promise<void> {
    for (let i = 0; i < times; i += 1) await this.page.getByRole('button', { name: 'Zoom In' }).click();
  }

  /** Fits the whole flow into view with the canvas's control. */
  async fitView(): Promise<void> {
    await this.page.getByRole('button', { name: 'Fit View' }).click();
  }

  /** The rendered text of a note node. */
  noteText(id: string): Locator {
    return this.node(id).getByTestId('note');
  }

  /**
   * Drags from `sourceId`'s output handle to `targetId`'s input handle (or the handle of
   * one method of a gRPC service) with real mouse moves, as a user does.
   */
  async connect(sourceId: string, targetId: string, method?: string): Promise<void> {
    const from = this.node(sourceId).locator('.react-flow__handle.source');
    const to = method
      ? this.node(targetId).locator(`.react-flow__handle.target[data-handleid="${method}"]`)
      : this.node(targetId).locator('.react-flow__handle.target');
    await this.dragBetween(from, to);
  }

  /** Drags from `sourceId`'s output onto the body of `targetId` (used for refused drops). */
  async dragOutputOnto(sourceId: string, targetId: string): Promise<void> {
    await this.dragBetween(this.node(sourceId).locator('.react-flow__handle.source'), this.node(targetId));
  }

  /** The method rows (each with its input handle) of a gRPC service node. */
  methods(serviceId: string): Locator {
    return this.node(serviceId).locator('.fb-node__method');
  }

  /** Presses Delete with the canvas focused, removing what is selected. */
  async deleteSelection(): Promise<void> {
    await this.page.keyboard.press('Delete');
  }

  /** The exact value of a live counter inside a node (the text may be shortened, e.g. 12.3k). */
  async counter(nodeId: string, field: CounterField): Promise<number> {
    const cell = this.node(nodeId).getByTestId(`counter-${field}`);
    if ((await cell.count()) === 0) return 0;
    return Number(await cell.getAttribute('data-value'));
  }

  /** The error text a node shows when its status is error. */
  nodeError(nodeId: string): Locator {
    return this.node(nodeId).getByTestId('node-error');
  }

  /** A point in page coordinates at (x, y) from the canvas's top-left corner. */
  async pointAt(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = await this.pane.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    return { x: box.x + x, y: box.y + y };
  }

  private async dragBetween(from: Locator, to: Locator): Promise<void> {
    const a = await centre(from);
    const b = await centre(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
    await this.page.mouse.move(b.x, b.y, { steps: 8 });
    await this.page.mouse.up();
  }
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator.toString()}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
