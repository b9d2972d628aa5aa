import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` (or bytes) to `path` so that readers see either the old file or the whole new one,
 * never a torn write: the data goes to a hidden temp file in the same folder (same
 * filesystem, so the rename is atomic), is flushed to disk, then renamed over the target.
 * A rename also replaces a symlink at `path` instead of writing through it. `mode` is the
 * new file's permission bits (0o600 for files only the user may read).
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
