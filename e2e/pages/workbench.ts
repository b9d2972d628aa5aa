import type { Page, TestInfo } from '@playwright/test';
import { CanvasPage } from './canvas';
import { DialogsPage } from './dialogs';
import { EditingPage } from './editing';
import { InspectorPage } from './inspector';
import { MessagesPage } from './messages';
import { PalettePage } from './palette';
import { ToolbarPage } from './toolbar';

/** The whole window, as a user sees it: one page object per region. */
export class Workbench {
  readonly palette: PalettePage;
  readonly canvas: CanvasPage;
  readonly inspector: InspectorPage;
  readonly toolbar: ToolbarPage;
  readonly messages: MessagesPage;
  readonly dialogs: DialogsPage;
  readonly editing: EditingPage;

  constructor(readonly page: Page) {
    this.canvas = new CanvasPage(page);
    this.palette = new PalettePage(page, this.canvas);
    this.inspector = new InspectorPage(page);
    this.toolbar = new ToolbarPage(page);
    this.messages = new MessagesPage(page);
    this.dialogs = new DialogsPage(page);
    this.editing = new EditingPage(page, this.canvas);
  }

  /** Saves a full-window screenshot into the test's output folder and attaches it to the report. */
  async screenshot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }

  /** A keyboard shortcut pressed on the window, e.g. `Control+S`. */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** The window title, e.g. `● orders.flow.json — Flowbench`. */
  title(): Promise<string> {
    return this.page.title();
  }

  /** A toast or inline alert with this text. */
  alert(text: string | RegExp): ReturnType<Page['getByRole']> {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
}
