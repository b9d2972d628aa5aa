import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/export-types';
import { output } from './request-output';

/** Where an export went: the user cancelled the dialog, or the file's path. */
export type ExportSaveResult = { canceled: true } | { canceled: false; path: string };

/** Export requests (issue 7): the renderer makes the file's content, the host writes it. */
export const exportRequests = {
  /**
   * Writes an export atomically where the user picks: a native save dialog on the desktop,
   * the workspace flows folder in browser mode (never overwriting: `name-2.svg`…).
   * Text formats send `text`; PNG sends `base64`.
   */
  'export.save': {
    input: z
      .object({
        format: z.enum(EXPORT_FORMATS),
        suggestedName: z.string().min(1).max(255),
        text: z.string().max(50_000_000).optional(),
        base64: z
          .string()
          .max(100_000_000)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
          .optional(),
      })
      .strict()
      .refine((i) => (i.text === undefined) !== (i.base64 === undefined), {
        message: 'give text or base64, not both',
      }),
    output: output<ExportSaveResult>(),
  },
} as const;
