import { mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileEntry } from '@shared/api/contract';
import { writeFileAtomic } from './atomic-write';
import {
  FLOW_FILE_SUFFIX,
  isFlowFileName,
  resolveWorkspaceFlowPath,
  sanitizeFlowFileName,
} from './flow-path-guard';

/** Flow files larger than the contract's save limit are refused on open too. */
export const MAX_FLOW_FILE_BYTES = 50_000_000;

/** Creates the flows folder (and the data folder above it) when missing. */
export async function ensureFlowsDir(flowsDir: string): Promise<void> {
  await mkdir(flowsDir, { recursive: true });
}

/** Lists the `*.flow.json` files directly in the flows folder, most recently modified first. */
export async function listFlowFiles(flowsDir: string): Promise<FileEntry[]> {
  await ensureFlowsDir(flowsDir);
  const entries = await readdir(flowsDir, { withFileTypes: true });
  const files: FileEntry[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isFlowFileName(entry.name)) continue;
    const path = join(flowsDir, entry.name);
    // A file removed between readdir and stat is simply not listed.
    const info = await stat(path).catch(() => null);
    if (info) files.push({ name: entry.name, path, modifiedAt: info.mtimeMs });
  }
  return files.sort((a, b) => b.modifiedAt - a.modifiedAt || a.name.localeCompare(b.name));
}

/** Reads a flow file as UTF-8, refusing anything that is not a regular file or is too large. */
export async function readFlowFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a file: ${path}`);
  if (info.size > MAX_FLOW_FILE_BYTES) throw new Error(`flow file too large (${info.size} bytes): ${path}`);
  return readFile(path, 'utf8');
}

/**
 * Reads a flow from the flows folder. The path must pass `resolveWorkspaceFlowPath`, and
 * its real location (after symlinks) must still be inside the folder.
 */
export async function readWorkspaceFlow(
  flowsDir: string,
  candidate: string,
): Promise<{ path: string; text: string }> {
  const path = requireWorkspacePath(flowsDir, candidate);
  const [realFile, realRoot] = await Promise.all([realpath(path), realpath(flowsDir)]);
  if (dirname(realFile) !== realRoot) throw new Error('flow file points outside the workspace flows folder');
  return { path, text: await readFlowFile(path) };
}

export interface WorkspaceSaveRequest {
  path?: string;
  suggestedName?: string;
  text: string;
}

/**
 * Saves a flow into the flows folder atomically and returns its path. With a path, that
 * file is replaced (it must pass the guard); without one, a new file named from
 * `suggestedName` is created, never overwriting an existing one (`name-2.flow.json`…).
 */
export async function saveWorkspaceFlow(flowsDir: string, request: WorkspaceSaveRequest): Promise<string> {
  await ensureFlowsDir(flowsDir);
  const path = request.path
    ? requireWorkspacePath(flowsDir, request.path)
    : await freeFlowPath(flowsDir, sanitizeFlowFileName(request.suggestedName));
  await writeFileAtomic(path, request.text);
  return path;
}

function requireWorkspacePath(flowsDir: string, candidate: string): string {
  const path = resolveWorkspaceFlowPath(flowsDir, candidate);
  if (!path)
    throw new Error(`only *.flow.json files in the workspace flows folder (${flowsDir}) are allowed`);
  return path;
}

async function freeFlowPath(flowsDir: string, fileName: string): Promise<string> {
  const stem = fileName.slice(0, -FLOW_FILE_SUFFIX.length);
  for (let n = 1; n < 1000; n += 1) {
    const path = join(flowsDir, n === 1 ? fileName : `${stem}-${n}${FLOW_FILE_SUFFIX}`);
    const taken = await stat(path).then(
      () => true,
      () => false,
    );
    if (!taken) return path;
  }
  throw new Error(`no free file name for ${fileName} in ${flowsDir}`);
}
