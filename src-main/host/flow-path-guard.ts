import { basename, dirname, resolve } from 'node:path';

/** Every flow file Flowbench reads or writes on a caller's behalf ends with this. */
export const FLOW_FILE_SUFFIX = '.flow.json';

const MAX_STEM_LENGTH = 100;
// Names Windows refuses whatever the extension; harmless elsewhere, so refused everywhere.
const RESERVED_STEMS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** True for a plain `*.flow.json` file name: no folders, not hidden, not only the suffix. */
export function isFlowFileName(name: string): boolean {
  return (
    name.length > FLOW_FILE_SUFFIX.length &&
    name.endsWith(FLOW_FILE_SUFFIX) &&
    !name.startsWith('.') &&
    !/[\\/\0]/.test(name)
  );
}

/** True when `path` (already absolute) names a `*.flow.json` file. */
export function hasFlowSuffix(path: string): boolean {
  return isFlowFileName(basename(path));
}

/**
 * Resolves a caller-supplied path (absolute, or relative to the flows folder) and returns
 * it only when it names a `*.flow.json` file directly inside `flowsDir`; otherwise null.
 * Traversal (`..`), other folders, sub-folders and other extensions all come back null.
 */
export function resolveWorkspaceFlowPath(flowsDir: string, candidate: string): string | null {
  if (candidate.length === 0 || candidate.includes('\0')) return null;
  const root = resolve(flowsDir);
  const target = resolve(root, candidate);
  if (dirname(target) !== root) return null;
  return isFlowFileName(basename(target)) ? target : null;
}

/**
 * Turns a user-suggested name into a safe `*.flow.json` file name: any folder part is
 * dropped, characters outside letters, digits, space, `.`, `_` and `-` become `-`, and an
 * empty or reserved result becomes `untitled`. The result always passes `isFlowFileName`.
 */
export function sanitizeFlowFileName(suggested: string | undefined): string {
  let stem = (suggested ?? '').split(/[\\/]/).pop() ?? '';
  stem = stem.replace(/\.flow\.json$/i, '').replace(/\.json$/i, '');
  stem = stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, MAX_STEM_LENGTH)
    .trim();
  if (stem.length === 0 || RESERVED_STEMS.test(stem)) stem = stem ? `flow-${stem}` : 'untitled';
  return `${stem}${FLOW_FILE_SUFFIX}`;
}
