import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ApiHandlers, EmitEvent } from '../engine/api/dispatch';
import { buildContentSecurityPolicy } from '../host/content-security-policy';
import { attachApiSocket, encodeEvent } from './api-socket';
import { DOWNLOAD_PREFIX, type ExportDownloads } from './export-downloads';
import { checkHttpRequest, checkUpgradeRequest, tokenCookie, type RequestFacts } from './request-guard';
import { sendText, serveStatic } from './static-files';

/** Loopback only: browser mode must never be reachable from another machine. */
export const BIND_ADDRESS = '127.0.0.1';
/** Largest WebSocket frame accepted; a bigger one closes that socket (code 1009), not the server. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface BrowserServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Every request of the contract: engine handlers plus the browser host's. */
  handlers: ApiHandlers;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** Fixed token for tests; by default 32 random bytes, hex. */
  token?: string;
  /** Finished message exports offered for download under `/downloads/`. */
  downloads?: ExportDownloads;
}

export interface BrowserServer {
  port: number;
  token: string;
  /** The URL to open, token included. */
  url: string;
  /** Pushes an event to every connected client. */
  emit: EmitEvent;
  /** Stops accepting, closes every socket, resolves when the port is free. */
  close(): Promise<void>;
}

function factsOf(req: IncomingMessage): RequestFacts {
  return {
    host: req.headers.host,
    origin: req.headers.origin,
    url: req.url ?? '',
    cookie: req.headers.cookie,
  };
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy([
      `ws://127.0.0.1:${port}`,
      `ws://localhost:${port}`,
    ]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function refuseUpgrade(socket: Duplex, status: '403 Forbidden' | '404 Not Found'): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Starts browser mode: serves the built renderer and the API over a WebSocket at `/api`,
 * bound to 127.0.0.1 only. Every HTTP request and upgrade passes the checks of
 * `request-guard` first (token, Host, Origin); refusals are 403 with no detail.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = options.port;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  wss.on('connection', (socket) => attachApiSocket(socket, options.handlers));

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders(port))) res.setHeader(name, value);
    const verdict = checkHttpRequest(factsOf(req), { port, token });
    if (!verdict.ok) {
      sendText(res, 403, 'Forbidden: open the URL that the Flowbench server printed when it started.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    if (verdict.setCookie) res.setHeader('Set-Cookie', tokenCookie(port, token));
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const serve =
      options.downloads && pathname.startsWith(DOWNLOAD_PREFIX)
        ? options.downloads.serve(req, res, pathname)
        : serveStatic(req, res, options.rendererDir, pathname);
    serve.catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== '/api') return refuseUpgrade(socket, '404 Not Found');
    if (!checkUpgradeRequest(factsOf(req), { port, token }).ok) return refuseUpgrade(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  // A client that sends garbage must not take the server down.
  http.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolveListen, rejectListen) => {
    http.once('error', rejectListen);
    http.listen(options.port, BIND_ADDRESS, () => {
      http.off('error', rejectListen);
      resolveListen();
    });
  });
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  port = address.port;

  const emit: EmitEvent = (event, payload) => {
    const frame = encodeEvent(event, payload);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(frame);
  };

  const close = async (): Promise<void> => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    http.closeAllConnections();
    await new Promise<void>((done) => http.close(() => done()));
  };

  return { port, token, url: `http://${BIND_ADDRESS}:${port}/?token=${token}`, emit, close };
}
