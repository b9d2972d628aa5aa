import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { unusedPort } from './brokers';

const SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const CTL = '/usr/lib/rabbitmq/bin/rabbitmqctl';

/** A RabbitMQ node of the test's own, which it may stop and restart (the shared one, never). */
export interface PrivateRabbitMq {
  /** amqp://guest:guest@127.0.0.1:<port> */
  url: string;
  nodeName: string;
  start(): Promise<void>;
  /** Shuts the node down cleanly (rabbitmqctl shutdown), as an operator's restart would. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the node if it runs and deletes its directory. */
  dispose(): Promise<void>;
}

/**
 * Prepares (does not start) a private node from Debian's rabbitmq-server: its own node
 * name, AMQP and distribution ports picked free, data (mnesia), logs, plugins file and
 * Erlang cookie (HOME) in a temp dir, no plugins (so no management listener). It
 * registers with the machine's epmd under its own name, as several nodes on one host
 * do, so it cannot clash with the shared `rabbit@localhost`. Data survives restart().
 */
export async function createPrivateRabbitMq(): Promise<PrivateRabbitMq> {
  const dir = mkdtempSync(join(tmpdir(), 'flowbench-rabbit-'));
  const nodeName = `flowbench-test-${Math.random().toString(36).slice(2, 8)}@localhost`;
  const port = await unusedPort();
  let distPort = await unusedPort();
  while (distPort === port) distPort = await unusedPort();
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir,
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
  };
  const url = `amqp://guest:guest@127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> | undefined;

  const ctl = (...args: string[]): Promise<void> =>
    new Promise((resolve, reject) =>
      execFile(CTL, ['-n', nodeName, ...args], { env, timeout: 60_000 }, (error, _stdout, stderr) =>
        error
          ? reject(new Error(`rabbitmqctl ${args.join(' ')} failed: ${stderr || error.message}`))
          : resolve(),
      ),
    );

  const start = async (): Promise<void> => {
    if (child) return;
    const out = openSync(join(dir, 'server.out'), 'a');
    // Its own process group, so stop() can end exactly this node's processes.
    const started = spawn(SERVER, [], { env, cwd: dir, detached: true, stdio: ['ignore', out, out] });
    closeSync(out);
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const deadline = Date.now() + 90_000;
    let gone = false;
    void exited.then(() => (gone = true));
    for (;;) {
      if (gone) throw new Error(`private RabbitMQ ${nodeName} exited during startup (see ${dir}/server.out)`);
      try {
        await (await connect(url, { timeout: 2_000 })).close();
        return;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`private RabbitMQ ${nodeName} did not start within 90 s (${dir})`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    await ctl('shutdown').catch(() => {
      if (running.pid) process.kill(-running.pid, 'SIGTERM');
    });
    const timeout = setTimeout(() => {
      if (running.pid) process.kill(-running.pid, 'SIGKILL');
    }, 30_000);
    await exited;
    clearTimeout(timeout);
    child = undefined;
  };

  return {
    url,
    nodeName,
    start,
    stop,
    async restart() {
      await stop();
      await start();
    },
    async dispose() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
