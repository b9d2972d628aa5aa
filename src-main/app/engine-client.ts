import { utilityProcess, type UtilityProcess } from 'electron';
import { EVENT_NAMES, type EventName } from '@shared/api/contract';
import type { DispatchResult } from '../engine/api/dispatch';
import type { ChooseMessageExportTarget } from '../engine/messages/export-target';
import { DATA_DIR_FLAG, type FromEngineHost, type ToEngineHost } from '../engine-host/engine-host-protocol';

export interface EngineClientOptions {
  /** The built engine host (`out/main/engine-host.js`). */
  modulePath: string;
  dataDir: string;
  /** Electron-ABI better-sqlite3 binding, passed on as FLOWBENCH_SQLITE_BINDING. */
  sqliteBinding?: string;
  onEvent: (event: EventName, payload: unknown) => void;
  /** Decrypts a keychain secret the engine asked for; the value goes back over the process channel only. */
  getSecret: (secretId: string) => Promise<string>;
  /** Asks where a message export goes (a save dialog); null when the user cancels. */
  chooseExportTarget: ChooseMessageExportTarget;
}

export interface EngineClient {
  /** Relays one request to the engine host; never rejects, failures come back as `{ok: false}`. */
  request(name: string, input: unknown): Promise<DispatchResult>;
  /** Asks the engine to close (stop the run, flush, close SQLite), killing it after a timeout. */
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 8_000;
/** Restarts after crashes are allowed this many times per app session, then requests fail. */
const MAX_RESTARTS = 3;

function failure(message: string): DispatchResult {
  return { ok: false, error: { code: 'failed', message } };
}

/**
 * Runs the engine in an Electron utilityProcess (off the main thread, plain Node APIs)
 * and relays requests to it by id. If the process dies, requests in flight fail with a
 * clear message and the next request starts a fresh one (up to MAX_RESTARTS times).
 */
export function startEngineHost(options: EngineClientOptions): EngineClient {
  const pending = new Map<number, (result: DispatchResult) => void>();
  let nextId = 1;
  let restarts = 0;
  let closing = false;
  let child: UtilityProcess | null = null;
  let spawned: Promise<void> = Promise.resolve();
  let exited: Promise<void> = Promise.resolve();

  const spawn = (): UtilityProcess => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    if (options.sqliteBinding) env.FLOWBENCH_SQLITE_BINDING = options.sqliteBinding;
    const proc = utilityProcess.fork(options.modulePath, [DATA_DIR_FLAG, options.dataDir], {
      serviceName: 'Flowbench engine',
      stdio: 'inherit',
      env,
    });
    spawned = new Promise((resolve) => proc.once('spawn', () => resolve()));
    exited = new Promise((resolve) =>
      proc.once('exit', (code) => {
        if (child === proc) child = null;
        for (const settle of pending.values()) settle(failure(`engine process stopped (exit code ${code})`));
        pending.clear();
        resolve();
      }),
    );
    proc.on('message', (message: FromEngineHost) => {
      if (message.type === 'response') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event' && EVENT_NAMES.includes(message.event)) {
        options.onEvent(message.event, message.payload);
      } else if (message.type === 'secret.get' && typeof message.id === 'number') {
        const answer = (reply: ToEngineHost): void => {
          if (child === proc) post(proc, reply);
        };
        options.getSecret(String(message.secretId)).then(
          (value) => answer({ type: 'secret.value', id: message.id, ok: true, value }),
          (err: unknown) =>
            answer({
              type: 'secret.value',
              id: message.id,
              ok: false,
              message: err instanceof Error ? err.message : String(err),
            }),
        );
      } else if (message.type === 'exportTarget.choose' && typeof message.id === 'number') {
        const answer = (reply: ToEngineHost): void => {
          if (child === proc) post(proc, reply);
        };
        options.chooseExportTarget({ format: message.format, fileName: String(message.fileName) }).then(
          (target) => answer({ type: 'exportTarget.value', id: message.id, ok: true, target }),
          (err: unknown) =>
            answer({
              type: 'exportTarget.value',
              id: message.id,
              ok: false,
              message: err instanceof Error ? err.message : String(err),
            }),
        );
      } else if (message.type === 'fatal') {
        process.stderr.write(`flowbench: engine failed to start: ${message.message}\n`);
      }
    });
    return proc;
  };

  const post = (proc: UtilityProcess, message: ToEngineHost): void => proc.postMessage(message);
  child = spawn();

  return {
    async request(name: string, input: unknown): Promise<DispatchResult> {
      if (closing) return failure('Flowbench is closing');
      if (!child) {
        if (restarts >= MAX_RESTARTS) return failure('the engine process keeps stopping; restart Flowbench');
        restarts += 1;
        child = spawn();
      }
      const proc = child;
      await spawned;
      const id = nextId++;
      return new Promise<DispatchResult>((resolve) => {
        pending.set(id, resolve);
        post(proc, { type: 'request', id, name, input });
      });
    },
    async close(): Promise<void> {
      closing = true;
      const proc = child;
      if (!proc) return;
      post(proc, { type: 'close' });
      const timer = setTimeout(() => proc.kill(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
