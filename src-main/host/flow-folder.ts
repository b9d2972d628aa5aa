import { dirname } from 'node:path';
import { flowsDirOf } from './data-dir';
import { resolveWorkspaceFlowPath } from './flow-path-guard';

/**
 * The folder a run may read a flow's side files (.proto, certificates) from, given the
 * flow's file path: the workspace flows folder, and only for a `*.flow.json` directly in it
 * (the files both hosts open and save). Anything else gets null.
 */
export function workspaceFlowFolder(dataDir: string): (filePath: string) => string | null {
  const flowsDir = flowsDirOf(dataDir);
  return (filePath) => {
    const path = resolveWorkspaceFlowPath(flowsDir, filePath);
    return path ? dirname(path) : null;
  };
}
