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
  return sanitizeFileNameWithExtension(suggested, EXPORT_FILE_TYPES[format].extension, 'flow');
}

/** As `sanitizeExportFileName`, for any extension (`.ndjson`…); `fallback` names an empty result. */
export function sanitizeFileNameWithExtension(
  suggested: string,
  extension: string,
  fallback: string,
): string {
  const cleaned = basename(suggested.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/^[.\s-]+/, '')
    .slice(0, 200);
  const name = cleaned || `${fallback}${extension}`;
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

/**
 * Writes an export into `dir` atomically under a name not yet taken (`name-2.svg`…), so an
 * export never replaces a file the user did not pick; returns the path.
 */
export async function saveExportInFolder(dir: string, input: ExportSaveInput): Promise<string> {
  await mkdir(dir, { recursive: true });
  const fileName = sanitizeExportFileName(input.suggestedName, input.format);
  const path = await freeFileNameIn(dir, fileName, EXPORT_FILE_TYPES[input.format].extension);
  await writeFileAtomic(path, exportContent(input));
  return path;
}

/**
 * The first path in `dir` not yet taken among `fileName`, `stem-2.ext`, `stem-3.ext`…
 * (`fileName` is already sanitized and ends in `extension`).
 */
export async function freeFileNameIn(dir: string, fileName: string, extension: string): Promise<string> {
  for (const path of fileNameCandidates(dir, fileName, extension)) {
    const taken = await stat(path).then(
      () => true,
      () => false,
    );
    if (!taken) return path;
  }
  throw new Error(`no free file name for ${fileName} in ${dir}`);
}

/** `fileName`, then `stem-2.ext` … `stem-999.ext`, all inside `dir`. */
export function* fileNameCandidates(dir: string, fileName: string, extension: string): Generator<string> {
  const stem = fileName.slice(0, -extension.length);
  for (let n = 1; n < 1000; n += 1) yield join(dir, n === 1 ? fileName : `${stem}-${n}${extension}`);
}
