import { randomUUID } from 'node:crypto';
import { customEnvironmentSchema, type CustomEnvironment } from '@shared/run/custom-environment';

const SETTING = 'environments';

/** The settings table part of the store this needs. */
export interface SettingsStore {
  getSetting(key: string): string | null;
  setSetting(key: string, value: string): void;
}

/** The user-defined environments, kept in the workspace's settings as JSON with secret refs only. */
export interface EnvironmentRegistry {
  list(): CustomEnvironment[];
  get(id: string): CustomEnvironment | undefined;
  /** Adds or replaces by id (a new id when none is given); returns what was stored. */
  save(env: Omit<CustomEnvironment, 'id'> & { id?: string }): CustomEnvironment;
  delete(id: string): boolean;
}

/**
 * Creates the registry over the store's settings. Entries are parsed with the contract's
 * schema on every read, so a hand-edited or older entry that no longer parses is left
 * out (and reported once on stderr) instead of breaking the list.
 */
export function createEnvironmentRegistry(store: SettingsStore): EnvironmentRegistry {
  const read = (): CustomEnvironment[] => {
    const text = store.getSetting(SETTING);
    if (!text) return [];
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      process.stderr.write('flowbench: the saved environments are not valid JSON; starting with none\n');
      return [];
    }
    if (!Array.isArray(raw)) return [];
    const envs: CustomEnvironment[] = [];
    for (const entry of raw) {
      const parsed = customEnvironmentSchema.safeParse(entry);
      if (parsed.success) envs.push(parsed.data);
      else process.stderr.write(`flowbench: skipping a saved environment that no longer parses\n`);
    }
    return envs;
  };
  const write = (envs: CustomEnvironment[]): void => store.setSetting(SETTING, JSON.stringify(envs));

  return {
    list: read,
    get: (id) => read().find((e) => e.id === id),
    save(input) {
      const env = customEnvironmentSchema.parse({ ...input, id: input.id ?? randomUUID() });
      const envs = read();
      const index = envs.findIndex((e) => e.id === env.id);
      if (index >= 0) envs[index] = env;
      else envs.push(env);
      write(envs);
      return env;
    },
    delete(id) {
      const envs = read();
      const kept = envs.filter((e) => e.id !== id);
      if (kept.length === envs.length) return false;
      write(kept);
      return true;
    },
  };
}
