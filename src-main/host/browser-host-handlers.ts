import type { ApiHandlers } from '../engine/api/dispatch';
import { BROWSER_MODE_SECRETS_MESSAGE } from '@shared/run/custom-environment';
import type { HostRequestName } from '../engine/engine-types';
import { APP_VERSION } from './app-version';
import { flowsDirOf } from './data-dir';
import { resolveWorkspaceFlowPath } from './flow-path-guard';
import { createBrowserExportHandlers } from './export-save-browser';
import { createRecentFiles, type RecentFiles } from './recent-files';
import { listFlowFiles, readWorkspaceFlow, saveWorkspaceFlow } from './workspace-files';

/** The host-side requests: the part of the contract the engine does not answer. */
export type HostHandlers = Pick<ApiHandlers, HostRequestName>;

/**
 * Host handlers for browser mode, where no native dialog exists: every file request is
 * confined to `<dataDir>/flows` and `*.flow.json`. `file.open` without a path is a
 * cancel, because the renderer picks the file from `file.list` and passes its path.
 */
export function createBrowserHostHandlers(dataDir: string): HostHandlers {
  const flowsDir = flowsDirOf(dataDir);
  const recent = createRecentFiles(dataDir);
  return {
    'app.info': async () => ({ version: APP_VERSION, mode: 'browser', dataDir, nativeDialogs: false }),
    'file.list': async () => ({ dir: flowsDir, files: await listFlowFiles(flowsDir) }),
    'file.open': async ({ path }) => {
      if (!path) return { canceled: true };
      const file = await readWorkspaceFlow(flowsDir, path);
      await recordRecent(recent, file.path);
      return { canceled: false, ...file };
    },
    'file.save': async (input) => {
      const path = await saveWorkspaceFlow(flowsDir, input);
      await recordRecent(recent, path);
      return { canceled: false, path };
    },
    // Only workspace files: browser mode never opens anything else, whatever the list says.
    'file.recent': async () => ({
      files: await recent.list((p) => resolveWorkspaceFlowPath(flowsDir, p) === p),
    }),
    // No OS keychain behind a browser: secrets come from the server's environment variables.
    'secrets.set': async () => {
      throw new Error(BROWSER_MODE_SECRETS_MESSAGE);
    },
    'secrets.delete': async () => ({ deleted: false }),
    ...createBrowserExportHandlers(dataDir),
  };
}

/** Records a recent file; a failure there must not fail the open or save that succeeded. */
export async function recordRecent(recent: RecentFiles, path: string): Promise<void> {
  try {
    await recent.record(path);
  } catch (err) {
    process.stderr.write(`flowbench: could not update the recent files list: ${String(err)}\n`);
  }
}
