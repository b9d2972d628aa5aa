/** The part of the browser WebSocket this client uses, so tests can pass a fake one. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface SocketClientOptions {
  url: string;
  /** Called for every pushed `{event, payload}` frame. */
  onEvent: (event: string, payload: unknown) => void;
  createSocket?: (url: string) => WebSocketLike;
  /** Reconnect delays grow from this (ms), doubling up to `maxRetryMs`. */
  minRetryMs?: number;
  maxRetryMs?: number;
}

export interface SocketClient {
  /** Sends one request; resolves with its value or rejects with an Error carrying the server's message. */
  request(name: string, input: unknown): Promise<unknown>;
  /** Resolves on the first successful connection; rejects if that first attempt fails. */
  readonly opened: Promise<void>;
  /** Closes for good: no reconnect, pending requests reject. */
  close(): void;
}

/** The message every request in flight (or sent while disconnected) rejects with. */
export const CONNECTION_LOST = 'connection to Flowbench lost';
const OPEN = 1;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Frame = {
  id?: unknown;
  ok?: unknown;
  value?: unknown;
  error?: { message?: unknown };
  event?: unknown;
  payload?: unknown;
};

/**
 * A request/response client over one WebSocket: ids match replies to requests, pushed
 * events go to `onEvent`. If the socket drops after it once opened, every pending request
 * rejects with `CONNECTION_LOST` and the client reconnects with exponential backoff.
 */
export function createSocketClient(options: SocketClientOptions): SocketClient {
  const createSocket = options.createSocket ?? ((url: string): WebSocketLike => new WebSocket(url));
  const minRetry = options.minRetryMs ?? 250;
  const maxRetry = options.maxRetryMs ?? 5000;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let attempt = 0;
  let everOpened = false;
  let closed = false;
  let socket: WebSocketLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveOpened: () => void = () => undefined;
  let rejectOpened: (error: Error) => void = () => undefined;
  const opened = new Promise<void>((resolve, reject) => {
    resolveOpened = resolve;
    rejectOpened = reject;
  });

  const failPending = (message: string): void => {
    for (const entry of pending.values()) entry.reject(new Error(message));
    pending.clear();
  };

  const handleFrame = (data: unknown): void => {
    let frame: Frame;
    try {
      frame = JSON.parse(String(data)) as Frame;
    } catch {
      return; // the server only sends JSON; anything else is not ours to act on
    }
    if (typeof frame.event === 'string') {
      options.onEvent(frame.event, frame.payload);
      return;
    }
    const entry = typeof frame.id === 'number' ? pending.get(frame.id) : undefined;
    if (!entry) return;
    pending.delete(frame.id as number);
    if (frame.ok === true) entry.resolve(frame.value);
    else entry.reject(new Error(String(frame.error?.message ?? 'request failed')));
  };

  const connect = (): void => {
    const ws = createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      everOpened = true;
      resolveOpened();
    };
    ws.onmessage = (event) => handleFrame(event.data);
    ws.onerror = () => undefined; // onclose follows and does the work
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending(CONNECTION_LOST);
      if (closed) return;
      if (!everOpened) {
        rejectOpened(new Error(`could not connect to Flowbench at ${options.url.split('?')[0]}`));
        return;
      }
      const delay = Math.min(maxRetry, minRetry * 2 ** attempt);
      attempt += 1;
      retryTimer = setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
    };
  };
  connect();

  return {
    opened,
    request(name: string, input: unknown): Promise<unknown> {
      if (closed || !socket || socket.readyState !== OPEN) {
        return Promise.reject(new Error(`${CONNECTION_LOST}; reconnecting`));
      }
      const id = nextId++;
      let frame: string;
      try {
        frame = JSON.stringify({ id, name, input: input ?? {} });
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
      const current = socket;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        current.send(frame);
      });
    },
    close(): void {
      closed = true;
      clearTimeout(retryTimer);
      if (!everOpened) rejectOpened(new Error('Flowbench connection closed before it opened'));
      failPending(CONNECTION_LOST);
      socket?.close();
      socket = null;
    },
  };
}
