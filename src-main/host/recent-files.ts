import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '@shared/api/contract';
import { writeFileAtomic } from './atomic-write';

/** The recent-files list's name inside the workspace data folder. */
export const RECENT_FILE_NAME = 'recent-files.json';
/** How many files the list keeps. */
export const MAX_RECENT = 10;

const listSchema = z.array(z.object({ path: z.string().min(1), openedAt: z.number() }));

/** The files opened or saved last in one workspace, persisted across starts. */
export interface RecentFiles {
  /** Moves `path` to the top of the list (added when new). */
  record(path: string, now?: number): Promise<void>;
  /** Newest first; files that no longer exist, or that `keep` refuses, are left out. */
  list(keep?: (path: string) => boolean): Promise<RecentFile[]>;
  /** True when `path` (absolute) is on the list. */
  has(path: string): Promise<boolean>;
}

/**
 * A small JSON list in the data folder, written atomically. Writes are chained so two
 * quick saves cannot interleave their read-modify-write and lose an entry.
 */
export function createRecentFiles(dataDir: string): RecentFiles {
  const file = resolve(dataDir, RECENT_FILE_NAME);
  let chain: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<Array<{ path: string; openedAt: number }>> => {
    try {
      const parsed = listSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      // Missing or unreadable: start a new list rather than fail an open or save.
      return [];
    }
  };

  return {
    record(path, now = Date.now()) {
      const absolute = resolve(path);
      const next = chain.then(async () => {
        const entries = (await read()).filter((e) => e.path !== absolute);
        entries.unshift({ path: absolute, openedAt: now });
        await writeFileAtomic(file, `${JSON.stringify(entries.slice(0, MAX_RECENT), null, 2)}\n`);
      });
      chain = next.catch(() => undefined);
      return next;
    },
    async list(keep = () => true) {
      await chain;
      const out: RecentFile[] = [];
      for (const entry of await read()) {
        if (!keep(entry.path)) continue;
        const info = await stat(entry.path).catch(() => null);
        if (info?.isFile())
          out.push({ name: basename(entry.path), path: entry.path, openedAt: entry.openedAt });
      }
      return out;
    },
    async has(path) {
      await chain;
      const absolute = resolve(path);
      return (await read()).some((e) => e.path === absolute);
    },
  };
}
