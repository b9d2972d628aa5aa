import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** Where a data folder choice came from, printed so users know which knob to turn. */
export type DataDirSource = 'argument' | 'FLOWBENCH_DATA_DIR' | 'XDG_DATA_HOME' | 'home' | 'app';

export interface DataDirChoice {
  /** Absolute path of the workspace data folder (flowbench.db and flows/ live here). */
  dir: string;
  source: DataDirSource;
}

export interface DataDirInputs {
  /** An explicit folder (e.g. `--data-dir`), wins over everything. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  /** The host's own default (Electron's userData); replaces the XDG/home fallback. */
  appDefault?: string;
}

/**
 * Resolves the workspace data folder: explicit argument, then `$FLOWBENCH_DATA_DIR`,
 * then the host default (desktop: Electron's userData), then `$XDG_DATA_HOME/flowbench`,
 * then `~/.local/share/flowbench`. Always returns an absolute path; creates nothing.
 */
export function resolveDataDir(inputs: DataDirInputs = {}): DataDirChoice {
  const env = inputs.env ?? process.env;
  if (inputs.explicit) return { dir: resolve(inputs.explicit), source: 'argument' };
  if (env.FLOWBENCH_DATA_DIR) return { dir: resolve(env.FLOWBENCH_DATA_DIR), source: 'FLOWBENCH_DATA_DIR' };
  if (inputs.appDefault) return { dir: resolve(inputs.appDefault), source: 'app' };
  // The XDG spec says relative values are invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg && isAbsolute(xdg)) return { dir: join(xdg, 'flowbench'), source: 'XDG_DATA_HOME' };
  return { dir: join(inputs.homeDir ?? homedir(), '.local', 'share', 'flowbench'), source: 'home' };
}

/** The workspace flows folder inside a data folder; both transports restrict file access to it. */
export function flowsDirOf(dataDir: string): string {
  return join(dataDir, 'flows');
}
