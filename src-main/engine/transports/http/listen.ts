import type { Server } from 'node:http';

/**
 * Starts `server` on 127.0.0.1 (never all interfaces) and returns the bound port; port 0
 * takes a free one. A taken port fails with a sentence naming the node and port rather
 * than a bare EADDRINUSE.
 */
export function listenOnLoopback(server: Server, port: number, nodeName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(new Error(`"${nodeName}": port ${port} on 127.0.0.1 is already in use; pick another port`));
      else if (err.code === 'EACCES')
        reject(
          new Error(
            `"${nodeName}": not allowed to listen on port ${port} (ports below 1024 need privileges)`,
          ),
        );
      else reject(new Error(`"${nodeName}": cannot listen on 127.0.0.1:${port}: ${err.message}`));
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error(`"${nodeName}": no TCP address`));
      else resolve(address.port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Closes a server and every connection it holds (keep-alive ones too), so Stop is prompt. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
