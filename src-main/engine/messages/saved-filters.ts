import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SavedMessageFilter } from '@shared/api/message-requests';
import { messageFilterSchema, type MessageFilter } from '@shared/trace/message-filter';
import { writeFileAtomic } from '../../host/atomic-write';

const fileSchema = z.object({
  version: z.literal(1),
  filters: z.array(z.object({ name: z.string(), filter: messageFilterSchema, savedAt: z.number() })),
});

/** The message browser's saved filters, in `<dataDir>/message-filters.json`, written atomically. */
export interface SavedFilters {
  list(): Promise<SavedMessageFilter[]>;
  save(name: string, filter: MessageFilter): Promise<SavedMessageFilter[]>;
  remove(name: string): Promise<SavedMessageFilter[]>;
}

export function createSavedFilters(dataDir: string): SavedFilters {
  const file = join(dataDir, 'message-filters.json');
  // Writes one after another, so two quick saves never lose one of them.
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<SavedMessageFilter[]> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new Error(`${file}: not valid JSON (${(err as Error).message}); fix or delete the file`);
    }
    const parsed = fileSchema.safeParse(value);
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return parsed.data.filters;
  };

  const change = (
    edit: (list: SavedMessageFilter[]) => SavedMessageFilter[],
  ): Promise<SavedMessageFilter[]> => {
    const next = queue.then(async () => {
      const list = edit(await read()).sort((a, b) => a.name.localeCompare(b.name));
      await writeFileAtomic(file, `${JSON.stringify({ version: 1, filters: list }, null, 2)}\n`);
      return list;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    list: read,
    save: (name, filter) =>
      change((list) => [...list.filter((f) => f.name !== name), { name, filter, savedAt: Date.now() }]),
    remove: (name) => change((list) => list.filter((f) => f.name !== name)),
  };
}
