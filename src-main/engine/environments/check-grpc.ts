import { connect as netConnect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectionCheck } from '@shared/run/custom-environment';
import { connectionHint } from './connection-hints';
import type { GrpcTlsSettings } from './run-environment';
import { elapsedSince as elapsed } from './with-deadline';

/**
 * Reaches a gRPC server at `address` (host:port): with TLS settings, a full TLS handshake
 * offering HTTP/2 (the server's certificate checked against the CA, the client
 * certificate presented); without, a TCP connect. Bounded by `timeoutMs`.
 */
export async function checkGrpc(
  address: string,
  tls: GrpcTlsSettings | undefined,
  timeoutMs: number,
): Promise<ConnectionCheck> {
  const started = performance.now();
  const result = (error?: string): ConnectionCheck => ({
    transport: 'grpc',
    ok: !error,
    latencyMs: elapsed(started),
    target: address,
    ...(error ? { error, hint: connectionHint('grpc', error, Boolean(tls)) } : {}),
  });
  const match = /^(.+):(\d{1,5})$/.exec(address);
  if (!match) return result(`"${address}" is not host:port`);
  const host = match[1].replace(/^\[|\]$/g, '');
  const port = Number(match[2]);
  return new Promise<ConnectionCheck>((resolve) => {
    let socket: Socket;
    const done = (error?: string): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result(error));
    };
    const timer = setTimeout(() => done(`no answer from ${address} within ${timeoutMs} ms`), timeoutMs);
    if (tls) {
      socket = tlsConnect({
        host,
        port,
        servername: /^[\d.:]+$/.test(host) ? undefined : host,
        ALPNProtocols: ['h2'],
        ...(tls.ca ? { ca: tls.ca } : {}),
        ...(tls.cert ? { cert: tls.cert } : {}),
        ...(tls.key ? { key: tls.key } : {}),
      });
      socket.once('secureConnect', () => done());
    } else {
      socket = netConnect({ host, port });
      socket.once('connect', () => done());
    }
    socket.once('error', (err) => done(err.message));
  });
}
