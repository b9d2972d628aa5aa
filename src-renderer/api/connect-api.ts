import {
  REQUEST_NAMES,
  type EventName,
  type EventPayloads,
  type FlowbenchApi,
  type RequestInput,
  type RequestName,
  type RequestOutput,
} from '@shared/api/contract';
import { apiSocketUrl, takeBrowserToken } from './browser-token';
import { createSocketClient, type SocketClient } from './socket-client';

type AnyListener = (payload: unknown) => void;

let connecting: Promise<FlowbenchApi> | null = null;

/**
 * Returns the Flowbench API. In Electron it is the object the preload exposed; in
 * browser mode it is built over a WebSocket to `/api` on this page's host, with the same
 * methods (one per request of the contract) and the same `on` subscriptions. Resolves
 * once connected; repeated calls share one connection. Rejects if the server cannot be
 * reached at first; later drops reconnect by themselves.
 */
export function connectApi(): Promise<FlowbenchApi> {
  if (window.flowbench) return Promise.resolve(window.flowbench);
  connecting ??= connectBrowserApi().catch((err: unknown) => {
    connecting = null; // let a later call try again
    throw err;
  });
  return connecting;
}

async function connectBrowserApi(): Promise<FlowbenchApi> {
  const listeners = new Map<string, Set<AnyListener>>();
  const client = createSocketClient({
    url: apiSocketUrl(takeBrowserToken()),
    onEvent: (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (err) {
          // One failing view must not starve the others; still surface it as a page error.
          queueMicrotask(() => {
            throw err;
          });
        }
      }
    },
  });
  await client.opened;
  return buildApi(client, listeners);
}

function buildApi(client: SocketClient, listeners: Map<string, Set<AnyListener>>): FlowbenchApi {
  const method =
    <N extends RequestName>(name: N) =>
    (input: RequestInput<N>): Promise<RequestOutput<N>> =>
      client.request(name, input) as Promise<RequestOutput<N>>;
  const requests = Object.fromEntries(REQUEST_NAMES.map((name) => [name, method(name)]));
  const on = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set<AnyListener>();
    listeners.set(event, set);
    // Wrapped so the same listener can subscribe twice and unsubscribe each independently.
    const entry: AnyListener = (payload) => listener(payload as EventPayloads[E]);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  };
  return { ...requests, on } as FlowbenchApi;
}
