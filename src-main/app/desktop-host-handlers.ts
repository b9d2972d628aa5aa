import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { isAbsolute, resolve } from 'node:path';
import { writeFileAtomic } from '../host/atomic-write';
import { APP_VERSION } from '../host/app-version';
import { recordRecent, type HostHandlers } from '../host/browser-host-handlers';
import type { RecentFile } from '@shared/api/contract';
import { flowsDirOf } from '../host/data-dir';
import {
  FLOW_FILE_SUFFIX,
  hasFlowSuffix,
  resolveWorkspaceFlowPath,
  sanitizeFlowFileName,
} from '../host/flow-path-guard';
import { createRecentFiles } from '../host/recent-files';
import { createDesktopExportHandlers } from './export-save-dialog';
import type { SecretFile } from '../host/secret-file';
import { ensureFlowsDir, listFlowFiles, readFlowFile } from '../host/workspace-files';

const FLOW_FILTERS: FileFilter[] = [{ name: 'Flowbench flow', extensions: ['flow.json'] }];

/**
 * Host handlers for the desktop: native open/save dialogs. A path from the renderer is
 * honoured only if a dialog returned it this session or it is a `*.flow.json` in the
 * workspace flows folder or on the recent-files list (which only dialogs and workspace
 * paths ever reach), so a compromised renderer cannot read or write elsewhere.
 */
export function createDesktopHostHandlers(
  dataDir: string,
  getWindow: () => BrowserWindow | null,
  /** Keychain secrets (encrypted with safeStorage); the renderer can store and delete, never read. */
  secrets: SecretFile,
  /** Told the new recent-files list after each open or save (for File → Open Recent). */
  onRecentChanged: (files: RecentFile[]) => void = () => undefined,
): HostHandlers {
  const flowsDir = flowsDirOf(dataDir);
  const chosenByUser = new Set<string>();
  const recent = createRecentFiles(dataDir);
  const listRecent = (): Promise<RecentFile[]> => recent.list(hasFlowSuffix);
  const recordAndAnnounce = async (path: string): Promise<void> => {
    await recordRecent(recent, path);
    onRecentChanged(await listRecent().catch(() => []));
  };
  void listRecent().then(onRecentChanged, () => undefined);

  const allowedPath = async (candidate: string): Promise<string> => {
    if (isAbsolute(candidate) && chosenByUser.has(resolve(candidate))) return resolve(candidate);
    if (isAbsolute(candidate) && hasFlowSuffix(candidate) && (await recent.has(candidate)))
      return resolve(candidate);
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
        const target = await allowedPath(path);
        const text = await readFlowFile(target);
        await recordAndAnnounce(target);
        return { canceled: false, path: target, text };
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
      const text = await readFlowFile(target);
      await recordAndAnnounce(target);
      return { canceled: false, path: target, text };
    },
    'file.save': async ({ path, suggestedName, text }) => {
      let target: string;
      if (path) {
        target = await allowedPath(path);
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
      await recordAndAnnounce(target);
      return { canceled: false, path: target };
    },
    'file.recent': async () => ({ files: await listRecent() }),
    'secrets.set': async ({ id, value }) => ({ id: await secrets.set(id, value) }),
    'secrets.delete': async ({ id }) => ({ deleted: await secrets.delete(id) }),
    ...createDesktopExportHandlers(dataDir, getWindow),
  };
}

function withFlowSuffix(path: string): string {
  if (path.endsWith(FLOW_FILE_SUFFIX)) return path;
  if (path.endsWith('.flow')) return `${path}.json`;
  return `${path}${FLOW_FILE_SUFFIX}`;
}
