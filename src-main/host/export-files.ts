import { mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EXPORT_FILE_TYPES, type ExportFormat } from '@shared/export/export-types';
import type { ParsedInput } from '@shared/api/contract';
import { writeFileAtomic } from './atomic-write';

/** An `export.save` request as parsed. */
export type ExportSaveInput = ParsedInput<'export.save'>;

/** The bytes or text an `export.save` request carries. */
export function exportContent(input: ExportSaveInput): string | Uint8Array {
  return input.text ?? new Uint8Array(Buffer.from(input.base64 ?? '', 'base64'));
}

/**
 * A plain file name for an export: no folders, no leading dots, safe characters, ending in
 * the format's extension (added when missing).
 */
export function sanitizeExportFileName(suggested: string, format: ExportFormat): string {
  const { extension } = EXPORT_FILE_TYPES[format];
  const cleaned = basename(suggested.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/^[.\s-]+/, '')
    .slice(0, 200);
  const name = cleaned || `flow${extension}`;
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

/**
 * Writes an export into `dir` atomically under a name not yet taken (`name-2.svg`…), so an
 * export never replaces a file the user did not pick; returns the path.
 */
export async function saveExportInFolder(dir: string, input: ExportSaveInput): Promise<string> {
  await mkdir(dir, { recursive: true });
  const fileName = sanitizeExportFileName(input.suggestedName, input.format);
  const { extension } = EXPORT_FILE_TYPES[input.format];
  const stem = fileName.slice(0, -extension.length);
  for (let n = 1; n < 1000; n += 1) {
    const path = join(dir, n === 1 ? fileName : `${stem}-${n}${extension}`);
    const taken = await stat(path).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await writeFileAtomic(path, exportContent(input));
    return path;
  }
  throw new Error(`no free file name for ${fileName} in ${dir}`);
}
