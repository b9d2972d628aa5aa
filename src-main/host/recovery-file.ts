import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecoverySnapshot } from '@shared/api/contract';
import { writeFileAtomic } from './atomic-write';

/** The recovery file's name inside the workspace data folder. */
export const RECOVERY_FILE_NAME = 'recovery.json';

const snapshotSchema = z.object({
  text: z.string(),
  savedAt: z.number(),
  filePath: z.string().nullable(),
});

/** The unsaved-changes file of one workspace; autosave writes it, a crash leaves it behind. */
export interface RecoveryFile {
  save(text: string, filePath: string | null, now?: number): Promise<{ savedAt: number }>;
  /** The last snapshot, or null when there is none or it cannot be read as one. */
  load(): Promise<RecoverySnapshot | null>;
  /** Removes the snapshot; true when there was one. */
  clear(): Promise<boolean>;
}

/**
 * One recovery file per data folder, written atomically (temp file + rename), so a crash
 * while autosaving leaves the previous snapshot whole rather than a torn one.
 */
export function createRecoveryFile(dataDir: string): RecoveryFile {
  const path = join(dataDir, RECOVERY_FILE_NAME);
  return {
    async save(text, filePath, now = Date.now()) {
      const snapshot: RecoverySnapshot = { text, savedAt: now, filePath };
      await writeFileAtomic(path, JSON.stringify(snapshot));
      return { savedAt: now };
    },
    async load() {
      let raw: string;
      try {
        raw = await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      try {
        const parsed = snapshotSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        // Unreadable means nothing to offer; the next autosave replaces it.
        return null;
      }
    },
    async clear() {
      try {
        await unlink(path);
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
    },
  };
}
