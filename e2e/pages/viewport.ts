import type { Page } from '@playwright/test';

/** Where the canvas looks: React Flow's pan offset (px) and zoom. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

interface HitGlobals {
  document: {
    elementFromPoint(x: number, y: number): { classList: { contains(c: string): boolean } } | null;
  };
}

/** Panning and zooming the canvas as a user does: dragging the empty pane, turning the wheel. */
export class ViewportPage {
  constructor(private readonly page: Page) {}

  /** The current viewport, read from the transform React Flow puts on its viewport layer. */
  async current(): Promise<Viewport> {
    const style = await this.page
      .locator('.react-flow__viewport')
      .evaluate((el) => el.getAttribute('style') ?? '');
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(style);
    if (!m) throw new Error(`cannot read the canvas viewport from "${style}"`);
    return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
  }

  /** The canvas's size on the page. */
  async size(): Promise<{ width: number; height: number }> {
    const box = await this.page.locator('.react-flow').boundingBox();
    if (!box) throw new Error('no canvas on the page');
    return { width: box.width, height: box.height };
  }

  /**
   * A point near the canvas centre where only the pane is (no node, edge or label), so a
   * drag there pans instead of moving something.
   */
  async emptyPoint(): Promise<{ x: number; y: number }> {
    const box = await this.page.locator('.react-flow__pane').boundingBox();
    if (!box) throw new Error('no canvas pane');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (let r = 0; r < 200; r += 8) {
      for (const [dx, dy] of [
        [0, 0],
        [r, 0],
        [-r, 0],
        [0, r],
        [0, -r],
        [r, r],
        [-r, -r],
        [r, -r],
        [-r, r],
      ]) {
        const hit = await this.page.evaluate(
          ([x, y]) =>
            (globalThis as unknown as HitGlobals).document
              .elementFromPoint(x, y)
              ?.classList.contains('react-flow__pane'),
          [cx + dx, cy + dy],
        );
        if (hit) return { x: cx + dx, y: cy + dy };
      }
    }
    throw new Error('no empty spot near the canvas centre');
  }

  /** Drags the empty pane by (dx, dy) pixels in `steps` mouse moves. */
  async pan(dx: number, dy: number, steps = 20): Promise<void> {
    const from = await this.emptyPoint();
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps });
    await this.page.mouse.up();
  }

  /** Turns the wheel over the empty pane: negative notches zoom in, positive zoom out. */
  async wheel(notches: number): Promise<void> {
    const at = await this.emptyPoint();
    await this.page.mouse.move(at.x, at.y);
    for (let i = 0; i < Math.abs(notches); i += 1) await this.page.mouse.wheel(0, Math.sign(notches) * 120);
  }
}
