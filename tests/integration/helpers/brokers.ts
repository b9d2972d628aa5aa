import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';
import type { TransportEvent } from '../../../src-main/engine/transports/transport';

/** The brokers started by `scripts/brokers.sh up`; override to point tests elsewhere. */
export const KAFKA_BROKERS = (process.env.FLOWBENCH_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const AMQP_URL = process.env.FLOWBENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A name no other test run uses, so runs never see each other's topics or queues. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Polls `condition` until it holds and fails with `what` after `timeoutMs`. Tests wait on
 * what they expect to see, never for a fixed time.
 */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A loopback port nothing listens on (taken from the OS, then released). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Collects transport events so a test can wait on them and assert none went wrong. */
export function recordEvents(): { events: TransportEvent[]; sink: (event: TransportEvent) => void } {
  const events: TransportEvent[] = [];
  return { events, sink: (event) => events.push(event) };
}

/** Measures how long `action` takes to settle, returning its error (or undefined). */
export async function timeFailure(action: () => Promise<unknown>): Promise<{ error?: Error; ms: number }> {
  const started = Date.now();
  try {
    await action();
    return { ms: Date.now() - started };
  } catch (error) {
    return { error: error as Error, ms: Date.now() - started };
  }
}

/** A loopback TCP relay to a real broker whose connections a test can cut at will. */
export interface TcpRelay {
  port: number;
  /** Destroys every relayed connection, as a network failure or broker crash would. */
  cutAll(): void;
  /** While true, every new connection is accepted and dropped at once (a broker that is down). */
  setRefusing(refusing: boolean): void;
  /** How many connections the relay has accepted so far, dropped ones included. */
  accepted(): number;
  close(): Promise<void>;
}

/** Starts a relay from a free loopback port to `targetHost:targetPort`. */
export async function startTcpRelay(targetHost: string, targetPort: number): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  let refusing = false;
  let accepted = 0;
  const server = createServer((client) => {
    accepted += 1;
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    cutAll: () => sockets.forEach((socket) => socket.destroy()),
    setRefusing: (value) => {
      refusing = value;
    },
    accepted: () => accepted,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Aborts this process's own TCP connections to loopback `port` with `ss -K`, as a
 * network failure would, leaving the broker and everyone else's connections alone.
 * Resolves to how many were cut, or undefined when `ss -K` is not permitted here
 * (it needs CAP_NET_ADMIN and a kernel with socket-destroy support).
 */
export async function cutOwnConnections(port: number): Promise<number | undefined> {
  const { execFile } = await import('node:child_process');
  const run = (args: string[]): Promise<string | undefined> =>
    new Promise((resolve) => execFile('ss', args, (error, stdout) => resolve(error ? undefined : stdout)));
  const ownPorts = async (): Promise<string[] | undefined> => {
    const listing = await run(['-tnpH', 'state', 'established', `( dport = :${port} )`]);
    return listing
      ?.split('\n')
      .filter((line) => line.includes(`pid=${process.pid},`))
      .map((line) => /:(\d+)\s+\S+:\d+\s/.exec(line)?.[1])
      .filter((local): local is string => local !== undefined);
  };
  const before = await ownPorts();
  if (before === undefined) return undefined;
  for (const local of before) {
    await run(['-K', 'state', 'established', `( sport = :${local} and dport = :${port} )`]);
  }
  // Without the capability ss may exit 0 having destroyed nothing; look again.
  const after = await ownPorts();
  if (after === undefined || before.some((local) => after.includes(local))) return undefined;
  return before.length;
}
