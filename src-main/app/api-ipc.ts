import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { REQUEST_NAMES, type EventName, type EventPayloads, type RequestName } from '@shared/api/contract';
import { dispatchRequest, type ApiHandlers, type DispatchResult } from '../engine/api/dispatch';
import type { HostHandlers } from '../host/browser-host-handlers';
import type { EngineClient } from './engine-client';
import { isTrustedRendererUrl, type RendererLocation } from './renderer-location';

/** IPC channel of one request; the preload builds the same names. */
export const requestChannel = (name: RequestName): string => `flowbench:${name}`;
/** IPC channel on which every engine and menu event reaches the renderer. */
export const EVENT_CHANNEL = 'flowbench:event';

export interface ApiIpcOptions {
  getWindow: () => BrowserWindow | null;
  location: RendererLocation;
  host: HostHandlers;
  engine: EngineClient;
}

/** Only our window's top frame, showing our renderer, may call the API. */
function isTrustedSender(event: IpcMainInvokeEvent, options: ApiIpcOptions): boolean {
  const window = options.getWindow();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame || event.sender !== window.webContents) return false;
  const top = window.webContents.mainFrame;
  if (frame.parent !== null || frame.processId !== top.processId || frame.routingId !== top.routingId)
    return false;
  return isTrustedRendererUrl(options.location, frame.url);
}

/** Relays an already parsed request to the engine host, turning its error result into a throw. */
function relay(engine: EngineClient, name: RequestName): (input: unknown) => Promise<unknown> {
  return async (input: unknown): Promise<unknown> => {
    const result = await engine.request(name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
}

/**
 * Registers one `ipcMain.handle` per request of the contract. Each call checks the
 * sender, then goes through `dispatchRequest`, which parses the input with the contract's
 * schema before anything runs: host requests are answered here, the rest are relayed to
 * the engine host (which parses again at its own border).
 */
export function registerApiIpc(options: ApiIpcOptions): void {
  const relays = Object.fromEntries(REQUEST_NAMES.map((name) => [name, relay(options.engine, name)]));
  // Host handlers replace the relays for the four requests the main process answers itself.
  const all = { ...relays, ...options.host } as ApiHandlers;
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(
      requestChannel(name),
      async (event: IpcMainInvokeEvent, input: unknown): Promise<DispatchResult> => {
        if (!isTrustedSender(event, options)) {
          return {
            ok: false,
            error: { code: 'forbidden', message: 'this frame may not use the Flowbench API' },
          };
        }
        return dispatchRequest(all, name, input);
      },
    );
  }
}

/** Sends an event to our window, if it is open and still showing our renderer. */
export function sendEventToWindow<E extends EventName>(
  window: BrowserWindow | null,
  location: RendererLocation,
  event: E,
  payload: EventPayloads[E],
): void {
  if (!window || window.isDestroyed()) return;
  if (!isTrustedRendererUrl(location, window.webContents.getURL())) return;
  window.webContents.send(EVENT_CHANNEL, { event, payload });
}
