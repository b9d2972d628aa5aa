import type { ImportFormat, ImportResult } from '@shared/api/import-requests';
import { importAsyncApi } from './import-asyncapi';
import { importOpenApi } from './import-openapi';
import { importProto } from './import-proto';

/** Which importer a document needs: by its first keys, else by its file name. */
export function detectFormat(text: string, fileName?: string): ImportFormat | null {
  const head = text.slice(0, 4000);
  if (/(^|[\n{,])\s*["']?asyncapi["']?\s*:/.test(head)) return 'asyncapi';
  if (/(^|[\n{,])\s*["']?openapi["']?\s*:/.test(head)) return 'openapi';
  if (
    fileName?.toLowerCase().endsWith('.proto') ||
    /(^|\n)\s*(syntax\s*=|service\s+\w+\s*\{|package\s+[\w.]+;)/.test(head)
  ) {
    return 'proto';
  }
  return null;
}

/**
 * Turns an AsyncAPI, OpenAPI or .proto document into a flow (file text, laid out, valid) with
 * a report of what was mapped and skipped, or an error with its location. Never throws.
 */
export async function importDocument(
  text: string,
  fileName?: string,
  format?: ImportFormat,
): Promise<ImportResult> {
  const kind = format ?? detectFormat(text, fileName);
  if (!kind) {
    return {
      ok: false,
      error: {
        message:
          'not an AsyncAPI, OpenAPI or .proto document (no `asyncapi:` or `openapi:` key, no proto syntax)',
        line: 1,
        column: 1,
      },
    };
  }
  try {
    if (kind === 'asyncapi') return await importAsyncApi(text);
    if (kind === 'openapi') return await importOpenApi(text);
    return await importProto(text, fileName);
  } catch (err) {
    return { ok: false, error: { message: err instanceof Error ? err.message : String(err) } };
  }
}
