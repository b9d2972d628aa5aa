import type { FlowDocument } from '../flow/document';
import { serializeFlow } from '../flow/parse';
import { flowToAsyncApiYaml } from './asyncapi-document';
import { flowToCompose } from './compose-file';
import { EXPORT_FILE_TYPES, type ExportFormat, type ExportOptions, type ExportResult } from './export-types';
import { flowToSvg } from './flow-svg';
import { flowToMermaid } from './mermaid-flowchart';
import { traceToMermaid } from './mermaid-trace';

/** A file name from the flow name: letters, digits, `-` and `_`, then the format's extension. */
export function exportFileName(flowName: string, format: ExportFormat): string {
  const base =
    flowName
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'flow';
  return `${base}${EXPORT_FILE_TYPES[format].extension}`;
}

/** The text formats: everything but PNG, with no I/O at all. */
export function exportFlowText(
  flow: FlowDocument,
  format: Exclude<ExportFormat, 'png'>,
  options: ExportOptions = {},
): string {
  switch (format) {
    case 'svg':
      return flowToSvg(flow, options);
    case 'mermaid':
      return flowToMermaid(flow, options);
    case 'mermaid-trace':
      if (!options.trace || options.trace.length === 0)
        throw new Error('mermaid-trace needs the events of a trace (options.trace)');
      return traceToMermaid(options.trace, flow);
    case 'asyncapi':
      return flowToAsyncApiYaml(flow, options);
    case 'compose':
      return flowToCompose(flow, options);
    case 'flow':
      return serializeFlow(flow);
  }
}

/**
 * Exports a parsed flow to one format: the one entry the UI and the CLI share. PNG draws the
 * SVG export with `options.rasterize` (a canvas in the renderer, resvg headless) at
 * `options.scale`; every other format is text made here without any I/O.
 */
export async function exportFlow(
  flow: FlowDocument,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const { mimeType } = EXPORT_FILE_TYPES[format];
  const fileName = exportFileName(flow.name, format);
  if (format === 'png') {
    if (!options.rasterize) throw new Error('PNG export needs a rasterizer (options.rasterize)');
    const scale = options.scale ?? 1;
    if (!(scale > 0 && scale <= 8)) throw new Error(`PNG scale must be between 0 and 8, not ${scale}`);
    const bytes = await options.rasterize(flowToSvg(flow, options), scale);
    return { format, fileName, mimeType, kind: 'bytes', bytes };
  }
  return { format, fileName, mimeType, kind: 'text', text: exportFlowText(flow, format, options) };
}
