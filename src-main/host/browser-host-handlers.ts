import type { ApiHandlers } from '../engine/api/dispatch';
import type { HostRequestName } from '../engine/engine-types';
import { APP_VERSION } from './app-version';
import { flowsDirOf } from './data-dir';
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
  return {
    'app.info': async () => ({ version: APP_VERSION, mode: 'browser', dataDir, nativeDialogs: false }),
    'file.list': async () => ({ dir: flowsDir, files: await listFlowFiles(flowsDir) }),
    'file.open': async ({ path }) => {
      if (!path) return { canceled: true };
      return { canceled: false, ...(await readWorkspaceFlow(flowsDir, path)) };
    },
    'file.save': async (input) => ({ canceled: false, path: await saveWorkspaceFlow(flowsDir, input) }),
  };
}
