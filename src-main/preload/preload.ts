import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, FlowbenchApi, RequestName } from '@shared/api/contract';
import type { DispatchResult } from '../engine/api/dispatch';

/*
 * Exposes `window.flowbench`: one method per request of the contract and `on` for events,
 * never ipcRenderer itself. The preload is sandboxed (CommonJS, only `electron` may be
 * required), so the contract is imported for types only and the names are listed here;
 * the Record types make the compiler reject a list that misses or invents a name.
 */

const REQUESTS: Record<RequestName, true> = {
  'app.info': true,
  'flow.sample': true,
  'flow.validate': true,
  'import.document': true,
  'templates.list': true,
  'templates.get': true,
  'file.list': true,
  'file.open': true,
  'file.save': true,
  'file.recent': true,
  'export.save': true,
  'template.preview': true,
  'schema.check': true,
  'recovery.save': true,
  'recovery.load': true,
  'recovery.clear': true,
  'settings.get': true,
  'settings.setEnvironment': true,
  'environments.list': true,
  'environments.save': true,
  'environments.delete': true,
  'environment.select': true,
  'environment.test': true,
  'secrets.set': true,
  'secrets.delete': true,
  'run.start': true,
  'run.stop': true,
  'run.status': true,
  'run.pause': true,
  'run.resume': true,
  'run.log': true,
  'run.restartNode': true,
  'run.redrive': true,
  'run.setFaults': true,
  'run.histogram': true,
  'saga.instances': true,
  'run.nodeState': true,
  'runs.list': true,
  'messages.list': true,
  'messages.get': true,
  'trace.get': true,
  'eventStore.streams': true,
  'eventStore.state': true,
  'replay.preview': true,
  'replay.start': true,
  'replay.cancel': true,
  'replay.get': true,
  'replay.list': true,
  'replay.links': true,
  'replay.redrive': true,
  'runs.report': true,
  'runs.timeline': true,
  'runs.delete': true,
  'runs.cancelDelete': true,
  'runs.retention.get': true,
  'runs.retention.set': true,
  'messages.query': true,
  'messages.filters.list': true,
  'messages.filters.save': true,
  'messages.filters.delete': true,
  'messages.export': true,
  'messages.exportCancel': true,
  'messages.import': true,
};

const EVENTS: Record<EventName, true> = {
  'run.state': true,
  'run.counters': true,
  'run.log': true,
  'messages.added': true,
  'messages.exportProgress': true,
  'menu.command': true,
  'menu.openRecent': true,
  'replay.progress': true,
  'runs.deletion': true,
};

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener fans out to every subscription, so many `on` calls add no IPC listeners.
ipcRenderer.on(
  'flowbench:event',
  (_event: IpcRendererEvent, message: { event?: unknown; payload?: unknown }) => {
    if (typeof message?.event !== 'string') return;
    for (const listener of [...(listeners.get(message.event) ?? [])]) {
      try {
        listener(message.payload);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  },
);

async function invoke(name: RequestName, input: unknown): Promise<unknown> {
  const result = (await ipcRenderer.invoke(`flowbench:${name}`, input ?? {})) as DispatchResult;
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}

function on(event: string, listener: Listener): () => void {
  if (!Object.hasOwn(EVENTS, event)) throw new Error(`unknown Flowbench event ${String(event)}`);
  if (typeof listener !== 'function') throw new Error('listener must be a function');
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  // Wrapped so the same listener may subscribe twice and unsubscribe each on its own.
  const entry: Listener = (payload) => listener(payload);
  set.add(entry);
  return () => {
    set.delete(entry);
  };
}

const api: Record<string, unknown> = { on };
for (const name of Object.keys(REQUESTS) as RequestName[]) {
  api[name] = (input: unknown): Promise<unknown> => invoke(name, input);
}

contextBridge.exposeInMainWorld('flowbench', api as FlowbenchApi);
