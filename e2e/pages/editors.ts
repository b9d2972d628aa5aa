import type { Locator, Page } from '@playwright/test';

/** The inspector's code editors: template preview, errors at their line. */
export class EditorsPage {
  readonly preview: Locator;
  readonly previewError: Locator;
  readonly errors: Locator;

  private readonly inspector: Locator;

  constructor(page: Page) {
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.inspector = inspector;
    this.preview = inspector.getByTestId('template-preview');
    this.previewError = inspector.getByTestId('template-preview-error');
    this.errors = inspector.getByTestId('editor-error');
  }

  /** A field by a label pattern, e.g. /^Schema/ for `Schema` or `Schema (SDL)`. */
  field(label: RegExp): Locator {
    return this.inspector.getByLabel(label);
  }

  /** The error marked at 1-based `line`. */
  errorAt(line: number): Locator {
    return this.errors.and(this.errors.page().locator(`[data-line="${line}"]`));
  }

  /** The "Next message" button of the preview (renders the next {{seq}}). */
  nextMessage(): Locator {
    return this.preview.page().getByRole('button', { name: 'Next message' });
  }
}
