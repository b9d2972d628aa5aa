import { dialog, type BrowserWindow } from 'electron';
import { resolve } from 'node:path';
import { EXPORT_FILE_TYPES } from '@shared/export/export-types';
import type { ApiHandlers } from '../engine/api/dispatch';
import { writeFileAtomic } from '../host/atomic-write';
import { flowsDirOf } from '../host/data-dir';
import { exportContent, sanitizeExportFileName } from '../host/export-files';

/**
 * The desktop's `export.save`: a native save dialog picks the file (the OS asks before
 * replacing one), then the export is written there atomically. The renderer never names
 * a path itself, so it cannot write anywhere the user did not choose.
 */
export function createDesktopExportHandlers(
  dataDir: string,
  getWindow: () => BrowserWindow | null,
): Pick<ApiHandlers, 'export.save'> {
  return {
    'export.save': async (input) => {
      const type = EXPORT_FILE_TYPES[input.format];
      const name = sanitizeExportFileName(input.suggestedName, input.format);
      const options = {
        title: `Export ${type.label}`,
        defaultPath: resolve(flowsDirOf(dataDir), name),
        filters: [{ name: type.label, extensions: [type.extension.split('.').pop() ?? 'txt'] }],
      };
      const window = getWindow();
      const picked = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return { canceled: true };
      await writeFileAtomic(picked.filePath, exportContent(input));
      return { canceled: false, path: picked.filePath };
    },
  };
}
