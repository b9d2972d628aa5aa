import type { FlowDocument } from '@shared/flow/document';
import { exportFlow } from '@shared/export/export-flow';
import type { ExportFormat, ExportOptions, ExportResult } from '@shared/export/export-types';
import { writeFileAtomic } from '../host/atomic-write';
import { rasterizeWithResvg } from './resvg-rasterize';

/**
 * `exportFlow` for Node (CLI, engine, tests): PNG is rasterized with resvg unless the caller
 * brings its own rasterizer.
 */
export function exportFlowHeadless(
  flow: FlowDocument,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportResult> {
  return exportFlow(flow, format, { rasterize: rasterizeWithResvg, ...options });
}

/** Writes an export atomically (temp file in the same folder, then rename): no torn file is ever seen. */
export async function writeExport(path: string, result: ExportResult): Promise<void> {
  await writeFileAtomic(path, result.kind === 'text' ? result.text : result.bytes);
}

/** Exports a flow and writes it to `path` atomically; returns what was written. */
export async function exportFlowToFile(
  flow: FlowDocument,
  format: ExportFormat,
  path: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const result = await exportFlowHeadless(flow, format, options);
  await writeExport(path, result);
  return result;
}
