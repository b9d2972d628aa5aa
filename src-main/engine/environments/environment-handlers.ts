import {
  environmentSchema,
  LOCAL_BROKERS_DEFAULT,
  redactUrl,
  type Environment,
} from '@shared/run/environment';
import type { EngineHandlers } from '../engine-types';
import { createEnvironmentRegistry, type SettingsStore } from './environment-registry';
import { EnvironmentError, resolveEnvironment, type ResolveDeps } from './resolve-environment';
import type { RunEnvironment } from './run-environment';
import { testEnvironment } from './test-environment';

const ACTIVE_SETTING = 'environment';
const LOCAL_SETTING = 'environment.local';

type LocalEnvironment = Extract<Environment, { kind: 'local' }>;
type EnvironmentRequest =
  | 'settings.get'
  | 'settings.setEnvironment'
  | 'environments.list'
  | 'environments.save'
  | 'environments.delete'
  | 'environment.select'
  | 'environment.test';

export interface EnvironmentService {
  handlers: Pick<EngineHandlers, EnvironmentRequest>;
  /** The active environment, as the UI sees it (secret refs only). */
  active(): Environment;
  /** Resolves the given environment, or the active one, for a run: secrets in memory only. */
  resolveForRun(env?: Environment): Promise<RunEnvironment>;
}

/**
 * The engine's environments: the active one, the local addresses last used, and the
 * user-defined ones. What is stored holds no secret values: custom environments carry
 * references, and a local AMQP URL is stored redacted (its password lives in memory only).
 */
export function createEnvironmentService(store: SettingsStore, deps: ResolveDeps): EnvironmentService {
  const registry = createEnvironmentRegistry(store);
  let lastLocal: LocalEnvironment =
    asLocal(parseStored(store.getSetting(LOCAL_SETTING))) ?? (LOCAL_BROKERS_DEFAULT as LocalEnvironment);
  let active: Environment = loadActive();

  function loadActive(): Environment {
    const stored = parseStored(store.getSetting(ACTIVE_SETTING));
    if (!stored) return { kind: 'embedded' };
    // The registry's copy is the current one; a deleted environment falls back to Embedded.
    if (stored.kind === 'custom') return registry.get(stored.id) ?? { kind: 'embedded' };
    return stored;
  }

  function activate(env: Environment): Environment {
    active = env;
    if (env.kind === 'local') {
      lastLocal = env;
      store.setSetting(LOCAL_SETTING, JSON.stringify(redactLocal(env)));
    }
    store.setSetting(ACTIVE_SETTING, JSON.stringify(env.kind === 'local' ? redactLocal(env) : env));
    return env;
  }

  const byId = (id: string): Environment => {
    if (id === 'embedded') return { kind: 'embedded' };
    if (id === 'local') return lastLocal;
    const found = registry.get(id);
    if (!found) throw new Error(`no environment with id ${id}`);
    return found;
  };

  return {
    active: () => active,
    resolveForRun: (env) => resolveEnvironment(env ?? active, deps),
    handlers: {
      'settings.get': async () => ({ environment: active }),
      'settings.setEnvironment': async ({ environment }) => {
        // A custom environment set this way is saved as well, so the selection survives restarts.
        const env = environment.kind === 'custom' ? registry.save(environment) : environment;
        return { environment: activate(env) };
      },
      'environments.list': async () => ({ environments: registry.list() }),
      'environments.save': async ({ environment }) => {
        const saved = registry.save(environment);
        if (active.kind === 'custom' && active.id === saved.id) activate(saved);
        return { environment: saved };
      },
      'environments.delete': async ({ id }) => {
        const deleted = registry.delete(id);
        if (active.kind === 'custom' && active.id === id) activate({ kind: 'embedded' });
        return { deleted };
      },
      'environment.select': async ({ id }) => ({ environment: activate(byId(id)) }),
      'environment.test': async ({ id, environment, grpcAddress, timeoutMs }) => {
        let resolved: RunEnvironment;
        try {
          resolved = await resolveEnvironment(environment ?? byId(id ?? ''), deps);
        } catch (err) {
          if (err instanceof EnvironmentError) return { results: [], error: err.message };
          throw err;
        }
        return { results: await testEnvironment(resolved, { grpcAddress, timeoutMs }) };
      },
    },
  };
}

function parseStored(text: string | null): Environment | null {
  if (!text) return null;
  try {
    const parsed = environmentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function asLocal(env: Environment | null): LocalEnvironment | undefined {
  return env?.kind === 'local' ? env : undefined;
}

function redactLocal(env: LocalEnvironment): LocalEnvironment {
  return { ...env, amqpUrl: redactUrl(env.amqpUrl) };
}
