import { constants } from 'node:fs';
import { copyFile, link, mkdir, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ExportFormat } from '@shared/api/message-requests';
import { fileNameCandidates, freeFileNameIn, sanitizeFileNameWithExtension } from '../../host/export-files';

/** Where a message export goes once complete. */
export interface MessageExportTarget {
  path: string;
  /**
   * True when the user picked this exact file in a native dialog (which asked before
   * replacing it); false in the workspace folder, where an existing file is never replaced.
   */
  replace: boolean;
}

/** Picks the target of an export; null when the user cancelled (nothing is written then). */
export type ChooseMessageExportTarget = (request: {
  format: ExportFormat;
  fileName: string;
}) => Promise<MessageExportTarget | null>;

/** A plain file name (no folders, not hidden) ending in `.json`, `.ndjson` or `.csv`. */
export function messageExportFileName(fileName: string, format: ExportFormat): string {
  return sanitizeFileNameWithExtension(fileName, `.${format}`, 'messages');
}

/**
 * Browser mode (and any host without dialogs): the typed name, inside `folder` only, under
 * the first name not yet taken (`orders-2.ndjson`…).
 */
export function workspaceExportTarget(folder: string): ChooseMessageExportTarget {
  const root = resolve(folder);
  return async ({ format, fileName }) => {
    await mkdir(root, { recursive: true });
    const name = messageExportFileName(fileName, format);
    const path = await freeFileNameIn(root, name, `.${format}`);
    // The sanitized name has no folder part; this says so where it matters.
    if (dirname(path) !== root)
      throw new Error(`export file name ${JSON.stringify(fileName)} leaves ${root}`);
    return { path, replace: false };
  };
}

/**
 * Moves the finished temp file to its target and returns the final path. A chosen file is
 * replaced by an atomic rename; otherwise the file is hard-linked under the first free
 * name (a link never replaces an existing file, even one that appeared during the
 * export), then the temp name is removed.
 */
export async function placeExportFile(
  temp: string,
  target: MessageExportTarget,
  rename: (from: string, to: string) => Promise<void>,
): Promise<string> {
  if (target.replace) {
    await rename(temp, target.path);
    return target.path;
  }
  const dir = dirname(target.path);
  const name = target.path.slice(dir.length + 1);
  const extension = name.slice(name.lastIndexOf('.'));
  for (const path of fileNameCandidates(dir, name, extension)) {
    try {
      await placeWithoutReplacing(temp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    await unlink(temp);
    return path;
  }
  throw new Error(`no free file name for ${name} in ${dir}`);
}

/** Link codes of filesystems without hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Puts `temp`'s bytes at `path` only if nothing is there (EEXIST otherwise): a hard link,
 * or where the filesystem has none, an exclusive copy (slower, equally never replacing).
 */
async function placeWithoutReplacing(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (err) {
    if (!NO_HARD_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    try {
      await copyFile(temp, path, constants.COPYFILE_EXCL);
    } catch (copyErr) {
      // A copy cut short (a full disk) must not stay behind as if it were the export.
      if ((copyErr as NodeJS.ErrnoException).code !== 'EEXIST') await unlink(path).catch(() => undefined);
      throw copyErr;
    }
  }
}
