import { create } from 'zustand';
import type { CustomEnvironment } from '@shared/run/custom-environment';
import { LOCAL_BROKERS_DEFAULT, type Environment } from '@shared/run/environment';

type LocalEnvironment = Extract<Environment, { kind: 'local' }>;

interface SettingsState {
  /** The environment the next run uses (saved in the engine's settings). */
  environment: Environment;
  /** The last local-broker settings, kept while Embedded is chosen so switching back restores them. */
  local: LocalEnvironment;
  /** The user-defined environments (secret references only). */
  customs: CustomEnvironment[];
  setEnvironment(environment: Environment): void;
  setCustoms(customs: CustomEnvironment[]): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  environment: { kind: 'embedded' },
  local: LOCAL_BROKERS_DEFAULT as LocalEnvironment,
  customs: [],
  setEnvironment: (environment) =>
    set((s) => ({ environment, local: environment.kind === 'local' ? environment : s.local })),
  setCustoms: (customs) => set({ customs }),
}));
