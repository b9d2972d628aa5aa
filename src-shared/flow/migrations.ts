import { FLOW_FORMAT_VERSION } from './document';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from version N to N+1, keyed by N. Version 1 is the first format, so the
 * table is empty; later formats add entries here and old files open unchanged.
 */
const MIGRATIONS: Record<number, Migration> = {};

/** Brings a raw document up to the current version, or throws when it cannot. */
export function migrateFlow(doc: Record<string, unknown>): Record<string, unknown> {
  let current = doc;
  let version = current.version as number;
  while (version < FLOW_FORMAT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no migration from flow format version ${version}`);
    current = { ...step(current), version: version + 1 };
    version += 1;
  }
  return current;
}
