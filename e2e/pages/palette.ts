import { expect, type Locator, type Page } from '@playwright/test';
import type { CanvasPage } from './canvas';

export type PaletteKind =
  'producer' | 'consumer' | 'kafkaTopic' | 'rabbitQueue' | 'grpcService' | 'grpcClient';

/** The component palette on the left. */
export class PalettePage {
  constructor(
    private readonly page: Page,
    private readonly canvas: CanvasPage,
  ) {}

  item(kind: PaletteKind): Locator {
    return this.page.getByTestId(`palette-${kind}`);
  }

  /**
   * Drags a component onto the canvas at (x, y) from the canvas's top-left corner and
   * returns the id of the node it created.
   */
  async dragToCanvas(kind: PaletteKind, x: number, y: number): Promise<string> {
    const before = new Set(await this.canvas.nodeIds());
    await this.item(kind).dragTo(this.canvas.pane, { targetPosition: { x, y } });
    await expect(this.canvas.nodes()).toHaveCount(before.size + 1);
    const added = (await this.canvas.nodeIds()).filter((id) => !before.has(id));
    if (added.length !== 1) throw new Error(`expected one new node, got ${added.join(', ')}`);
    return added[0];
  }
}
