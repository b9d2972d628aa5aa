import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { isAbsolute, resolve } from 'node:path';
import { writeFileAtomic } from '../host/atomic-write';
import { APP_VERSION } from '../host/app-version';
import type { HostHandlers } from '../host/browser-host-handlers';
import { flowsDirOf } from '../host/data-dir';
import {
  FLOW_FILE_SUFFIX,
  hasFlowSuffix,
  resolveWorkspaceFlowPath,
  sanitizeFlowFileName,
} from '../host/flow-path-guard';
import { ensureFlowsDir, listFlowFiles, readFlowFile } from '../host/workspace-files';

const FLOW_FILTERS: FileFilter[] = [{ name: 'Flowbench flow', extensions: ['flow.json'] }];

/**
 * Host handlers for the desktop: native open/save dialogs. A path from the renderer is
 * honoured only if a dialog returned it this session or it is a `*.flow.json` in the
 * workspace flows folder, so a compromised renderer cannot read or write elsewhere.
 */
export function createDesktopHostHandlers(
  dataDir: string,
  getWindow: () => BrowserWindow | null,
): HostHandlers {
  const flowsDir = flowsDirOf(dataDir);
  const chosenByUser = new Set<string>();

  const allowedPath = (candidate: string): string => {
    if (isAbsolute(candidate) && chosenByUser.has(resolve(candidate))) return resolve(candidate);
    const inWorkspace = resolveWorkspaceFlowPath(flowsDir, candidate);
    if (!inWorkspace)
      throw new Error('that file was not chosen in a dialog and is not in the workspace flows folder');
    return inWorkspace;
  };

  const remember = (path: string): string => {
    const absolute = resolve(path);
    if (!hasFlowSuffix(absolute)) throw new Error(`Flowbench flow files end with ${FLOW_FILE_SUFFIX}`);
    chosenByUser.add(absolute);
    return absolute;
  };

  return {
    'app.info': async () => ({ version: APP_VERSION, mode: 'desktop', dataDir, nativeDialogs: true }),
    'file.list': async () => ({ dir: flowsDir, files: await listFlowFiles(flowsDir) }),
    'file.open': async ({ path }) => {
      if (path) {
        const target = allowedPath(path);
        return { canceled: false, path: target, text: await readFlowFile(target) };
      }
      await ensureFlowsDir(flowsDir);
      const options = {
        title: 'Open flow',
        defaultPath: flowsDir,
        filters: FLOW_FILTERS,
        properties: ['openFile' as const],
      };
      const window = getWindow();
      const picked = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const chosen = picked.filePaths[0];
      if (picked.canceled || !chosen) return { canceled: true };
      const target = remember(chosen);
      return { canceled: false, path: target, text: await readFlowFile(target) };
    },
    'file.save': async ({ path, suggestedName, text }) => {
      let target: string;
      if (path) {
        target = allowedPath(path);
      } else {
        await ensureFlowsDir(flowsDir);
        const defaultPath = resolve(flowsDir, sanitizeFlowFileName(suggestedName));
        const options = { title: 'Save flow', defaultPath, filters: FLOW_FILTERS };
        const window = getWindow();
        const picked = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        if (picked.canceled || !picked.filePath) return { canceled: true };
        // Some platforms' dialogs do not append a multi-dot extension by themselves.
        target = remember(withFlowSuffix(picked.filePath));
      }
      await writeFileAtomic(target, text);
      return { canceled: false, path: target };
    },
  };
}

function withFlowSuffix(path: string): string {
  if (path.endsWith(FLOW_FILE_SUFFIX)) return path;
  if (path.endsWith('.flow')) return `${path}.json`;
  return `${path}${FLOW_FILE_SUFFIX}`;
}
