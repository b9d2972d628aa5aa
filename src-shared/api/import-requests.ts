import { z } from 'zod';
import { output } from './request-output';

/** Documents the import turns into flows. */
export const IMPORT_FORMATS = ['asyncapi', 'openapi', 'proto'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What an import did: one line per thing mapped and per thing left out (with why). */
export interface ImportReport {
  format: ImportFormat;
  /** e.g. `AsyncAPI 3.0.0 "Streetlights Kafka API"`. */
  source: string;
  mapped: string[];
  skipped: string[];
}

/** Where a broken document is broken: 1-based line and column, and the JSON path when known. */
export interface ImportError {
  message: string;
  line?: number;
  column?: number;
  path?: string;
}

/** The flow made (as flow file text, valid and laid out) and its report, or the error. */
export type ImportResult =
  { ok: true; text: string; report: ImportReport } | { ok: false; error: ImportError };

/** Import requests (issue 7): AsyncAPI 2.x/3.0, OpenAPI 3 and .proto documents → flows. */
export const importRequests = {
  'import.document': {
    input: z
      .object({
        /** The document's text (YAML or JSON, or .proto source). */
        text: z.string().max(10_000_000),
        /** Its file name, used to tell the format when the text alone does not. */
        fileName: z.string().max(4096).optional(),
        format: z.enum(IMPORT_FORMATS).optional(),
      })
      .strict(),
    output: output<ImportResult>(),
  },
} as const;
