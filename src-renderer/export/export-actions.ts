import { exportFileName, exportFlow } from '@shared/export/export-flow';
import type { ExportOptions, ExportResult, NodeBox } from '@shared/export/export-types';
import { api, errorText } from '../app/api-holder';
import { exportDialog } from '../app/dialog-store';
import { showNotice } from '../app/notice-store';
import { useFlowStore } from '../canvas/flow-store';
import { useSelectionStore } from '../canvas/selection-store';
import { useMessagesStore } from '../messages/messages-store';
import { useSettingsStore } from '../settings/settings-store';
import { rasterizeWithCanvas, toBase64 } from './canvas-rasterize';
import { SCOPED_FORMATS, type ExportChoice } from './export-choice';
import { recordedSamples } from './recorded-samples';

/** File → Export…: the dialog does the rest. */
export async function openExportDialog(): Promise<void> {
  await exportDialog();
}

/** The trace id the dialog suggests: the selected message's, if the Messages panel has one. */
export function suggestedTraceId(): string {
  const { detail, rows, selectedId } = useMessagesStore.getState();
  return detail?.traceId ?? rows.find((r) => r.id === selectedId)?.traceId ?? '';
}

/** The scheme the app shows (theme-store sets it on <html>; read here so importing has no side effects). */
export function currentTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Node sizes as the canvas measured them, so the drawing matches what is on screen. */
function measuredSizes(): Record<string, NodeBox> {
  const sizes: Record<string, NodeBox> = {};
  for (const node of useFlowStore.getState().nodes) {
    const width = node.measured?.width ?? node.width;
    const height = node.measured?.height ?? node.height;
    if (width && height) sizes[node.id] = { width, height };
  }
  return sizes;
}

/** Makes the export the dialog describes from the flow on the canvas. */
export async function buildExport(choice: ExportChoice): Promise<ExportResult> {
  const flow = useFlowStore.getState().toDocument();
  const options: ExportOptions = {
    background: choice.background,
    theme: currentTheme(),
    scale: choice.scale,
    sizes: measuredSizes(),
    environment: useSettingsStore.getState().environment,
    rasterize: rasterizeWithCanvas,
  };
  if (choice.scope === 'selection' && SCOPED_FORMATS.includes(choice.format)) {
    options.selection = useSelectionStore.getState().nodeIds;
  }
  const runId = useMessagesStore.getState().runId;
  if (choice.format === 'asyncapi' && choice.useRecorded && runId) {
    options.samples = await recordedSamples(runId);
  }
  if (choice.format === 'mermaid-trace') {
    options.trace = await api()['trace.get']({ traceId: choice.traceId.trim() });
    if (options.trace.length === 0) throw new Error(`no recorded events for trace ${choice.traceId.trim()}`);
  }
  return exportFlow(flow, choice.format, options);
}

/** Writes the export where the user picks (native dialog, or the workspace folder by name). */
export async function saveExport(choice: ExportChoice): Promise<boolean> {
  try {
    const result = await buildExport(choice);
    const suggestedName = choice.fileName.trim() || result.fileName;
    const content = result.kind === 'text' ? { text: result.text } : { base64: toBase64(result.bytes) };
    const saved = await api()['export.save']({ format: choice.format, suggestedName, ...content });
    if (saved.canceled) return false;
    showNotice(`Exported ${saved.path}`);
    return true;
  } catch (err) {
    showNotice(`Could not export: ${errorText(err)}`, { tone: 'error', ms: 8000 });
    return false;
  }
}

/** Puts the export on the clipboard: PNG as an image, the others as text. */
export async function copyExport(choice: ExportChoice): Promise<boolean> {
  try {
    const result = await buildExport(choice);
    if (result.kind === 'bytes') {
      const blob = new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: result.mimeType });
      await navigator.clipboard.write([new ClipboardItem({ [result.mimeType]: blob })]);
    } else {
      await navigator.clipboard.writeText(result.text);
    }
    showNotice(`Copied the ${result.format === 'png' ? 'PNG image' : result.format} export to the clipboard`);
    return true;
  } catch (err) {
    showNotice(`Could not copy: ${errorText(err)}`, { tone: 'error', ms: 8000 });
    return false;
  }
}

/** The default file name of a choice (shown in browser mode's name field). */
export function defaultExportName(choice: Pick<ExportChoice, 'format'>): string {
  return exportFileName(useFlowStore.getState().name, choice.format);
}
