import type { EventName } from '@shared/api/contract';
import type { ExportFormat } from '@shared/api/message-requests';
import type { DispatchResult } from '../engine/api/dispatch';
import type { MessageExportTarget } from '../engine/messages/export-target';

/*
 * Messages between the Electron main process and the engine host (a utilityProcess).
 * Plain structured-clone data; the main process matches responses to requests by id.
 */

/** Main → engine host. */
export type ToEngineHost =
  | { type: 'request'; id: number; name: string; input: unknown }
  /** Close the engine (stop the run, flush, close the database), then exit. */
  | { type: 'close' }
  /** The answer to a `secret.get`: the decrypted value, in memory only, or why not. */
  | { type: 'secret.value'; id: number; ok: true; value: string }
  | { type: 'secret.value'; id: number; ok: false; message: string }
  /** The answer to an `exportTarget.choose`: the file picked, null on Cancel, or why not. */
  | { type: 'exportTarget.value'; id: number; ok: true; target: MessageExportTarget | null }
  | { type: 'exportTarget.value'; id: number; ok: false; message: string };

/** Engine host → main. */
export type FromEngineHost =
  | { type: 'ready' }
  /** The engine could not be created; every request will fail with this message. */
  | { type: 'fatal'; message: string }
  | { type: 'response'; id: number; result: DispatchResult }
  | { type: 'event'; event: EventName; payload: unknown }
  /** The engine needs a keychain secret (a run starts or a connection is tested). */
  | { type: 'secret.get'; id: number; secretId: string }
  /** A message export starts: the main process asks the user where it goes (save dialog). */
  | { type: 'exportTarget.choose'; id: number; format: ExportFormat; fileName: string };

/** The argv flag that carries the data folder to the engine host. */
export const DATA_DIR_FLAG = '--data-dir';

/** Reads `--data-dir DIR` (or `--data-dir=DIR`) from an argv list; undefined when absent. */
export function readDataDirArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === DATA_DIR_FLAG) return argv[i + 1];
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) return arg.slice(DATA_DIR_FLAG.length + 1);
  }
  return undefined;
}
