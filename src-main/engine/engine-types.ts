import type { ApiHandlers, EmitEvent } from './api/dispatch';
import type { SecretSource } from './environments/secret-source';
import type { ChooseMessageExportTarget } from './messages/export-target';

/** Requests that depend on the host (desktop dialogs or the browser-mode workspace folder). */
export type HostRequestName =
  | 'app.info'
  | 'file.list'
  | 'file.open'
  | 'file.save'
  | 'file.recent'
  | 'secrets.set'
  | 'secrets.delete'
  | 'export.save';

/** The requests the engine itself answers: everything but the host's. */
export type EngineHandlers = Omit<ApiHandlers, HostRequestName>;

export interface EngineOptions {
  /** Workspace data folder: holds flowbench.db and the flows folder. */
  dataDir: string;
  /** The database file, when not `dataDir/flowbench.db` (the CLI's `--db`). */
  dbFile?: string;
  /** Pushes events to the UI; called at most every 250 ms per stream while a run goes. */
  emit: EmitEvent;
  /** Path of an Electron-ABI better-sqlite3 binding, when running inside Electron. */
  sqliteNativeBinding?: string;
  /**
   * The folder of a flow file the host vouches for (a run reads its .proto and certificate
   * files there), or null to refuse it. Default: only files in the workspace flows folder.
   */
  flowFolderOf?: (filePath: string) => string | null;
  /**
   * Keychain secrets, asked for only when a run starts or a connection is tested (desktop:
   * the main process decrypts them). Without one, keychain references are refused.
   */
  secrets?: SecretSource;
  /**
   * Where a message export goes (desktop: the main process's save dialog). Default: the
   * typed name in the workspace flows folder, never replacing a file.
   */
  chooseExportTarget?: ChooseMessageExportTarget;
}

export interface Engine {
  handlers: EngineHandlers;
  /** Stops any run, flushes the recorder and closes the database. */
  close(): Promise<void>;
}
