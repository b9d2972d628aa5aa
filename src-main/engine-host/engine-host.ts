import type { EventName } from '@shared/api/contract';
import {
  dispatchRequest,
  type ApiHandlers,
  type DispatchResult,
  type EmitEvent,
} from '../engine/api/dispatch';
import { createEngine } from '../engine/engine';
import type { Engine, HostRequestName } from '../engine/engine-types';
import type { SecretSource } from '../engine/environments/secret-source';
import type { ChooseMessageExportTarget, MessageExportTarget } from '../engine/messages/export-target';
import { readDataDirArg, type FromEngineHost, type ToEngineHost } from './engine-host-protocol';

/*
 * The engine inside Electron, run by the main process as a utilityProcess so runs,
 * brokers and SQLite stay off the UI's main thread. It must not import electron: it
 * talks to its parent only through `process.parentPort`, typed here locally.
 */

interface ParentPortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: FromEngineHost): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) {
  process.stderr.write('engine-host: must run as an Electron utilityProcess (no process.parentPort)\n');
  process.exit(1);
}
const port: ParentPortLike = parentPort;

const dataDir = readDataDirArg(process.argv) ?? process.env.FLOWBENCH_DATA_DIR;
const emit: EmitEvent = (event: EventName, payload) => port.postMessage({ type: 'event', event, payload });

/** Keychain secrets come from the main process (which decrypts them) over the parent port, in memory. */
const pendingSecrets = new Map<
  number,
  { resolve: (value: string) => void; reject: (error: Error) => void }
>();
let nextSecretRequest = 1;
const secrets: SecretSource = {
  get: (secretId) =>
    new Promise<string>((resolve, reject) => {
      const id = nextSecretRequest++;
      pendingSecrets.set(id, { resolve, reject });
      port.postMessage({ type: 'secret.get', id, secretId });
    }),
};

/** The save dialog for a message export runs in the main process; the engine waits for its answer. */
const pendingTargets = new Map<
  number,
  { resolve: (target: MessageExportTarget | null) => void; reject: (error: Error) => void }
>();
let nextTargetRequest = 1;
const chooseExportTarget: ChooseMessageExportTarget = ({ format, fileName }) =>
  new Promise((resolve, reject) => {
    const id = nextTargetRequest++;
    pendingTargets.set(id, { resolve, reject });
    port.postMessage({ type: 'exportTarget.choose', id, format, fileName });
  });

const engineReady: Promise<Engine> = dataDir
  ? createEngine({
      dataDir,
      emit,
      secrets,
      chooseExportTarget,
      sqliteNativeBinding: process.env.FLOWBENCH_SQLITE_BINDING || undefined,
    })
  : Promise.reject(new Error('engine-host: no data folder given (--data-dir)'));

engineReady.then(
  () => port.postMessage({ type: 'ready' }),
  (err: unknown) =>
    port.postMessage({ type: 'fatal', message: err instanceof Error ? err.message : String(err) }),
);

const refuseHostRequest = async (): Promise<never> => {
  throw new Error('this request is answered by the Electron main process, not the engine host');
};
/** Host requests (app.info, file.*) belong to the main process; a clear error if one strays here. */
const notHere: Pick<ApiHandlers, HostRequestName> = {
  'app.info': refuseHostRequest,
  'file.list': refuseHostRequest,
  'file.open': refuseHostRequest,
  'file.save': refuseHostRequest,
  'file.recent': refuseHostRequest,
  'export.save': refuseHostRequest,
  'secrets.set': refuseHostRequest,
  'secrets.delete': refuseHostRequest,
};

async function answer(name: string, input: unknown): Promise<DispatchResult> {
  let engine: Engine;
  try {
    engine = await engineReady;
  } catch (err) {
    const message = `engine failed to start: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, error: { code: 'failed', message } };
  }
  return dispatchRequest({ ...engine.handlers, ...notHere }, name, input);
}

function reply(id: number, result: DispatchResult): void {
  try {
    port.postMessage({ type: 'response', id, result });
  } catch (err) {
    // A value structured clone cannot carry must still answer the request.
    const message = `response not transferable: ${err instanceof Error ? err.message : String(err)}`;
    port.postMessage({ type: 'response', id, result: { ok: false, error: { code: 'failed', message } } });
  }
}

let closing = false;
async function closeAndExit(): Promise<void> {
  if (closing) return;
  closing = true;
  try {
    await (await engineReady).close();
  } catch {
    // Nothing more to save: the engine never started or already failed closing.
  }
  process.exit(0);
}

port.on('message', ({ data }) => {
  const message = data as ToEngineHost;
  if (message?.type === 'close') {
    void closeAndExit();
  } else if (message?.type === 'secret.value') {
    const waiter = pendingSecrets.get(message.id);
    pendingSecrets.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.message));
  } else if (message?.type === 'exportTarget.value') {
    const waiter = pendingTargets.get(message.id);
    pendingTargets.delete(message.id);
    if (message.ok) waiter?.resolve(message.target);
    else waiter?.reject(new Error(message.message));
  } else if (message?.type === 'request' && typeof message.id === 'number') {
    void answer(message.name, message.input).then((result) => reply(message.id, result));
  }
});
