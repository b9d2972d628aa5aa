import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { unusedPort } from './brokers';

/**
 * A private single-node Kafka (KRaft, broker + controller) for tests that must stop or
 * restart a broker; the shared one at 127.0.0.1:9092 is never touched. It runs the jars
 * `scripts/brokers.sh` caches (FLOWBENCH_CACHE or ~/.cache/flowbench, kafka-<version>/libs),
 * on two free loopback ports, with its data and log in a temp dir that `destroy()` removes.
 * Data survives `stop()`/`restart()`, like a real broker restart.
 */
export interface PrivateKafka {
  /** `127.0.0.1:<port>`, the same across restarts. */
  readonly broker: string;
  /** `127.0.0.1:<port>` of the SASL_SSL listener, when one was asked for. */
  readonly secureBroker?: string;
  start(): Promise<void>;
  /** SIGTERM (controlled shutdown) by default; `kill: true` is a crash (SIGKILL). */
  stop(options?: { kill?: boolean }): Promise<void>;
  restart(options?: { kill?: boolean }): Promise<void>;
  /** Stops the broker and deletes its directory. */
  destroy(): Promise<void>;
}

const VERSION = process.env.FLOWBENCH_KAFKA_VERSION ?? '3.9.2';
const CACHE =
  process.env.FLOWBENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'flowbench');
const LIBS = join(CACHE, `kafka-${VERSION}`, 'libs');
const START_TIMEOUT_MS = 90_000;

/**
 * An extra SASL_SSL listener (TLS with a PEM certificate and key, SASL PLAIN with the given
 * users); the broker itself keeps talking PLAINTEXT on its own listener.
 */
export interface SecureListener {
  certificatePem: string;
  /** Unencrypted PKCS#8 PEM. */
  keyPem: string;
  plainUsers: Record<string, string>;
}

/** A PEM text as one Java properties value (Properties.load turns `\n` back into newlines). */
const pemValue = (pem: string): string => pem.trim().replace(/\r?\n/g, '\\n');

function secureProperties(secure: SecureListener): string[] {
  const users = Object.entries(secure.plainUsers)
    .map(([user, password]) => `user_${user}="${password}"`)
    .join(' ');
  return [
    'listener.name.secure.sasl.enabled.mechanisms=PLAIN',
    `listener.name.secure.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required ${users};`,
    'listener.name.secure.ssl.keystore.type=PEM',
    `listener.name.secure.ssl.keystore.certificate.chain=${pemValue(secure.certificatePem)}`,
    `listener.name.secure.ssl.keystore.key=${pemValue(secure.keyPem)}`,
  ];
}

function serverProperties(
  dir: string,
  port: number,
  controllerPort: number,
  secure?: { port: number; listener: SecureListener },
): string {
  const secureListener = secure ? `,SECURE://127.0.0.1:${secure.port}` : '';
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}${secureListener}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}${secureListener}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    `listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${secure ? ',SECURE:SASL_SSL' : ''}`,
    ...(secure ? secureProperties(secure.listener) : []),
    `log.dirs=${join(dir, 'data')}`,
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'default.replication.factor=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=1',
    'num.io.threads=2',
    'background.threads=2',
    'num.recovery.threads.per.data.dir=1',
    '',
  ].join('\n');
}

// Everything to stdout: readiness is read from there.
const LOG4J = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka.request.logger=WARN',
  'log4j.logger.state.change.logger=WARN',
  '',
].join('\n');

function java(dir: string, args: string[]): ChildProcess {
  return spawn(
    'java',
    [
      '-Xms128m',
      '-Xmx384m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`,
      '-cp',
      `${LIBS}/*`,
      ...args,
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Formats storage for a new cluster in a temp dir and returns a stopped broker. */
export async function createPrivateKafka(options: { secure?: SecureListener } = {}): Promise<PrivateKafka> {
  await readFile(join(LIBS, '.complete')).catch(() => {
    throw new Error(`Kafka ${VERSION} jars are not cached in ${LIBS}; run scripts/brokers.sh up once`);
  });
  const dir = await mkdtemp(join(tmpdir(), 'flowbench-private-kafka-'));
  const port = await unusedPort();
  const controllerPort = await unusedPort();
  const secure = options.secure ? { port: await unusedPort(), listener: options.secure } : undefined;
  const properties = join(dir, 'server.properties');
  await writeFile(properties, serverProperties(dir, port, controllerPort, secure));
  await writeFile(join(dir, 'log4j.properties'), LOG4J);
  const clusterId = randomBytes(16).toString('base64url');
  const format = java(dir, [
    'kafka.tools.StorageTool',
    'format',
    '--cluster-id',
    clusterId,
    '--config',
    properties,
  ]);
  let formatOutput = '';
  format.stdout?.on('data', (chunk: Buffer) => (formatOutput += chunk.toString()));
  format.stderr?.on('data', (chunk: Buffer) => (formatOutput += chunk.toString()));
  if ((await exited(format)) !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`kafka storage format failed in ${dir}:\n${formatOutput.slice(-2000)}`);
  }

  let child: ChildProcess | undefined;
  const kill = (): void => void child?.kill('SIGKILL');
  // A test runner that exits without destroy() must not leave a JVM behind.
  process.once('exit', kill);

  const stop = async (options?: { kill?: boolean }): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const done = exited(running);
    running.kill(options?.kill ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 20_000);
    await done;
    clearTimeout(timer);
  };

  const start = async (): Promise<void> => {
    if (child) return;
    const started = java(dir, ['kafka.Kafka', properties]);
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        started.kill('SIGKILL');
        reject(
          new Error(
            `private kafka did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`,
          ),
        );
      }, START_TIMEOUT_MS);
      const onData = (chunk: Buffer): void => {
        output = (output + chunk.toString()).slice(-20_000);
        if (output.includes('Kafka Server started')) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout?.on('data', onData);
      started.stderr?.on('data', onData);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`private kafka exited with ${code} during startup:\n${output.slice(-2000)}`));
      });
    });
    // Keep draining its output so a full pipe never blocks the broker.
    started.stdout?.resume();
    started.stderr?.resume();
  };

  return {
    broker: `127.0.0.1:${port}`,
    ...(secure ? { secureBroker: `127.0.0.1:${secure.port}` } : {}),
    start,
    stop,
    async restart(options?: { kill?: boolean }): Promise<void> {
      await stop(options);
      await start();
    },
    async destroy(): Promise<void> {
      await stop({ kill: true });
      process.off('exit', kill);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
