import { expect, type Locator, type Page } from '@playwright/test';
import type { CanvasPage } from './canvas';

type Point = { x: number; y: number };

/**
 * Editing the canvas as a user does: dragging and shift-clicking nodes, box selection,
 * context menus, the find box, quick-add, the shortcuts sheet and the toolbar's Edit group.
 */
export class EditingPage {
  constructor(
    private readonly page: Page,
    private readonly canvas: CanvasPage,
  ) {}

  /** Presses a shortcut with the canvas focused (not a text field), e.g. `Control+Z`. */
  async shortcut(keys: string): Promise<void> {
    await this.focusCanvas();
    await this.page.keyboard.press(keys);
  }

  /** Clicks an empty corner of the canvas: focus leaves any field and the selection clears. */
  async focusCanvas(): Promise<void> {
    await this.canvas.pane.click({ position: { x: 12, y: 12 } });
  }

  /** Points at (x, y) on the canvas and presses Ctrl+V: pasted nodes land there. */
  async pasteAt(x: number, y: number): Promise<void> {
    const p = await this.canvas.pointAt(x, y);
    await this.page.mouse.move(p.x, p.y);
    await this.page.keyboard.press('Control+V');
  }

  /** Puts plain text on the system clipboard, as copying in another app does. */
  async putTextOnClipboard(text: string): Promise<void> {
    // A string, since this file is compiled without the DOM library.
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  }

  /** A node's box on screen. */
  async box(id: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.canvas.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not visible`);
    return box;
  }

  /** Drags a node by its title bar by (dx, dy) screen pixels, in several moves as a hand does. */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const header = this.canvas.node(id).locator('.fb-node__header');
    const b = await header.boundingBox();
    if (!b) throw new Error(`node ${id} is not visible`);
    const from = { x: b.x + 30, y: b.y + b.height / 2 };
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 6 });
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Shift-clicks a node's title bar, adding it to the selection. */
  async shiftClick(id: string): Promise<void> {
    await this.canvas
      .node(id)
      .locator('.fb-node__header')
      .click({ modifiers: ['Shift'] });
  }

  /** Draws a selection box with Shift held, between two canvas points (from its top-left corner). */
  async boxSelect(from: Point, to: Point): Promise<void> {
    const a = await this.canvas.pointAt(from.x, from.y);
    const b = await this.canvas.pointAt(to.x, to.y);
    await this.page.keyboard.down('Shift');
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 10 });
    await this.page.mouse.up();
    await this.page.keyboard.up('Shift');
  }

  /** The nodes that show as selected. */
  selectedNodes(): Locator {
    return this.page.locator('.react-flow__node.selected');
  }

  /** Right-clicks a node, an edge, or the canvas at (x, y); returns the menu that opens. */
  async contextMenuOnNode(id: string): Promise<Locator> {
    await this.canvas.node(id).locator('.fb-node__header').click({ button: 'right' });
    return this.menu('Node');
  }

  /** Right-clicks the connection from `sourceId` to `targetId` halfway along it. */
  async contextMenuOnEdge(sourceId: string, targetId: string): Promise<Locator> {
    const a = await this.canvas.node(sourceId).locator('.react-flow__handle.source').boundingBox();
    const b = await this.canvas.node(targetId).locator('.react-flow__handle.target').first().boundingBox();
    if (!a || !b) throw new Error(`no connection ${sourceId} → ${targetId} on screen`);
    await this.page.mouse.click((a.x + b.x + b.width) / 2, (a.y + a.height / 2 + b.y + b.height / 2) / 2, {
      button: 'right',
    });
    return this.menu('Connection');
  }

  async contextMenuOnCanvas(x: number, y: number): Promise<Locator> {
    await this.canvas.pane.click({ button: 'right', position: { x, y } });
    return this.menu('Canvas');
  }

  /** An open popup menu by its name (`Node`, `Canvas`, `Connection`, `Align`). */
  menu(name: string): Locator {
    return this.page.getByRole('menu', { name });
  }

  /** Chooses an item of an open menu by its label. */
  async choose(menu: Locator, label: string): Promise<void> {
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitem', { name: new RegExp(`^${escape(label)}`) }).click();
    await expect(menu).toBeHidden();
  }

  /** A button of the toolbar's Edit group by name (`Undo`, `Redo`, `Auto-layout`, `Align`, `Snap to grid`). */
  toolbarButton(name: string): Locator {
    return this.page.getByRole('group', { name: 'Edit' }).getByRole('button', { name, exact: true });
  }

  /** Opens the toolbar's Align menu and chooses an entry. */
  async alignFromToolbar(label: string): Promise<void> {
    await this.toolbarButton('Align').click();
    await this.choose(this.menu('Align'), label);
  }

  /** Ctrl+F: types into the find box and presses Enter on the first match. */
  async find(text: string): Promise<void> {
    await this.shortcut('Control+F');
    await this.findInput().fill(text);
    await expect(this.findMatches().first()).toBeVisible();
    await this.findInput().press('Enter');
    await expect(this.findInput()).toBeHidden();
  }

  findInput(): Locator {
    return this.page.getByRole('combobox', { name: 'Find node by name' });
  }

  findMatches(): Locator {
    return this.page.getByRole('listbox', { name: 'Matching nodes' }).getByRole('option');
  }

  /** Double-clicks the empty canvas at (x, y); returns the quick-add box. */
  async openQuickAdd(x: number, y: number): Promise<Locator> {
    await this.canvas.pane.dblclick({ position: { x, y } });
    const box = this.page.getByRole('dialog', { name: 'Add node' });
    await expect(box).toBeVisible();
    return box;
  }

  /** Options listed by the quick-add box. */
  quickAddOptions(): Locator {
    return this.page.getByRole('listbox', { name: 'Node kinds' }).getByRole('option');
  }

  /** Presses `?` and returns the shortcuts sheet. */
  async openShortcuts(): Promise<Locator> {
    await this.shortcut('Shift+?');
    const sheet = this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    return sheet;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
