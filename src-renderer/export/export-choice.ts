import type { ExportBackground, ExportFormat } from '@shared/export/export-types';

/** What the Export dialog asks for. */
export interface ExportChoice {
  format: ExportFormat;
  scope: 'flow' | 'selection';
  scale: number;
  background: ExportBackground;
  /** mermaid-trace: the trace to draw (32 hex characters). */
  traceId: string;
  /** Browser mode: the file name in the workspace folder. */
  fileName: string;
  /** AsyncAPI: infer payload schemas from the last run's recorded messages. */
  useRecorded: boolean;
}

/** Formats that draw the canvas (scope and background apply). */
export const DRAWN_FORMATS: readonly ExportFormat[] = ['svg', 'png'];
/** Formats that go on the clipboard as well as to a file. */
export const COPYABLE_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'mermaid', 'mermaid-trace'];
/** Formats where a selection narrows what is exported. */
export const SCOPED_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'mermaid'];

/** True for a W3C trace id. */
export const isTraceId = (id: string): boolean => /^[0-9a-f]{32}$/.test(id.trim());

/** Why the choice cannot be exported yet, or null when it can. */
export function choiceProblem(choice: ExportChoice, selectedCount: number): string | null {
  if (choice.format === 'mermaid-trace' && !isTraceId(choice.traceId)) {
    return 'Enter a trace id (32 hex characters), or select a message in the Messages panel first.';
  }
  if (choice.scope === 'selection' && SCOPED_FORMATS.includes(choice.format) && selectedCount === 0) {
    return 'Nothing is selected on the canvas.';
  }
  return null;
}
