import type { Locator, Page } from '@playwright/test';

/** The message contract of the selected topic, queue or exchange in the inspector. */
export class ContractPage {
  readonly root: Locator;
  /** Problems marked in the schema editor, each with its `data-line`. */
  readonly errors: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' }).getByTestId('contract-field');
    this.errors = this.root.getByTestId('editor-error');
  }

  /** Chooses the format by its label: `None`, `JSON Schema`, `Protobuf message type`, `Avro schema`. */
  async chooseFormat(label: string): Promise<void> {
    await this.root.getByLabel('Contract format', { exact: true }).selectOption({ label });
  }

  /** The JSON Schema (or Avro schema) editor. */
  schema(): Locator {
    return this.root.getByLabel(/^(JSON Schema|Avro schema)$/);
  }

  /** The problem marked at 1-based `line`. */
  errorAt(line: number): Locator {
    return this.root.locator(`[data-testid="editor-error"][data-line="${line}"]`);
  }
}
