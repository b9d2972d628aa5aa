import type { ApiHandlers } from '../engine/api/dispatch';
import { flowsDirOf } from './data-dir';
import { saveExportInFolder } from './export-files';

/** Browser mode's `export.save`: no native dialog, so exports go to the workspace flows folder. */
export function createBrowserExportHandlers(dataDir: string): Pick<ApiHandlers, 'export.save'> {
  const dir = flowsDirOf(dataDir);
  return {
    'export.save': async (input) => ({ canceled: false, path: await saveExportInFolder(dir, input) }),
  };
}
