import { expect, type Locator, type Page } from '@playwright/test';
import type { NodeKind } from '../../src-shared/flow/node-kinds';
import type { CanvasPage } from './canvas';

/** Any node kind the palette offers (one item each, `data-testid="palette-<kind>"`). */
export type PaletteKind = NodeKind;

/** The component palette on the left. */
export class PalettePage {
  constructor(
    private readonly page: Page,
    private readonly canvas: CanvasPage,
  ) {}

  item(kind: PaletteKind): Locator {
    return this.page.getByTestId(`palette-${kind}`);
  }

  /** The search box above the components. */
  searchBox(): Locator {
    return this.page.getByRole('navigation', { name: 'Palette' }).getByLabel('Search components');
  }

  /** The palette items currently shown (all of them, or the search's matches). */
  items(): Locator {
    return this.page.getByRole('navigation', { name: 'Palette' }).locator('[data-testid^="palette-"]');
  }

  /** The families shown, as headings. */
  families(): Locator {
    return this.page.getByRole('navigation', { name: 'Palette' }).getByRole('heading', { level: 3 });
  }

  async search(query: string): Promise<void> {
    await this.searchBox().fill(query);
  }

  /** Reaches the search box as a keyboard user does: from the palette's title, one Tab. */
  async focusSearchWithTab(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Palette' }).getByRole('heading', { level: 2 }).click();
    await this.page.keyboard.press('Tab');
    await expect(this.searchBox()).toBeFocused();
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
