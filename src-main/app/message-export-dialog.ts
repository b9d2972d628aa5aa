import { dialog, type BrowserWindow } from 'electron';
import { resolve } from 'node:path';
import { EXPORT_FORMATS } from '@shared/api/message-requests';
import { flowsDirOf } from '../host/data-dir';
import { messageExportFileName, type ChooseMessageExportTarget } from '../engine/messages/export-target';

const LABELS: Record<(typeof EXPORT_FORMATS)[number], string> = {
  json: 'JSON',
  ndjson: 'NDJSON',
  csv: 'CSV',
};

/**
 * The desktop's message export destination: a native save dialog (the OS asks before
 * replacing a file), so the engine only ever writes where the user pointed. The name the
 * renderer suggests is sanitized and only pre-fills the dialog.
 */
export function messageExportDialog(
  dataDir: string,
  getWindow: () => BrowserWindow | null,
): ChooseMessageExportTarget {
  return async ({ format, fileName }) => {
    if (!EXPORT_FORMATS.includes(format)) throw new Error(`unknown export format ${String(format)}`);
    const options = {
      title: `Export messages as ${LABELS[format]}`,
      defaultPath: resolve(flowsDirOf(dataDir), messageExportFileName(fileName, format)),
      filters: [{ name: LABELS[format], extensions: [format] }],
    };
    const window = getWindow();
    const picked = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (picked.canceled || !picked.filePath) return null;
    return { path: resolve(picked.filePath), replace: true };
  };
}
