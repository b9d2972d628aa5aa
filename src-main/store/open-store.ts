import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { assertUsable, migrate } from './migrations';
import { isNotADatabase } from './sqlite-errors';
import { createStore } from './sqlite-store';
import type { Store } from './store';

/** How to open a workspace database. */
export interface OpenStoreOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron's differs from Node's). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed, folder included) the workspace database at `file`, in WAL
 * mode, migrated to the current schema. Throws a clear Error naming the file when it is
 * not a Flowbench database or was made by a newer Flowbench; such files are not changed.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 5000');
    // Checked before any pragma that writes (journal_mode=WAL persists in the file header).
    assertUsable(db, file);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable against app crashes in WAL mode; only an OS crash may lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    return createStore(db);
  } catch (err) {
    db.close();
    if (isNotADatabase(err)) {
      throw new Error(`${file} is not a Flowbench database (SQLite says: ${(err as Error).message}).`, {
        cause: err,
      });
    }
    throw err;
  }
}
