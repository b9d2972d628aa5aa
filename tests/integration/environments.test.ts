import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomEnvironment } from '@shared/run/custom-environment';
import { redactUrl, type Environment } from '@shared/run/environment';
import { startGrpcServer } from '../../src-main/engine/transports/grpc/grpc-server';
import { loadFlowProtoService } from '../../src-main/engine/transports/grpc/proto-files';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, unusedPort } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';
import { labFolder, type FlowFolder } from './helpers/grpc-lab';
import { makeTestPki, type TestPki } from './helpers/tls-certs';

const startEngine = useEngine('envs');
const LOCAL: Environment = { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL };
const RABBIT = new URL(AMQP_URL);
const RABBIT_NO_PASSWORD = `amqp://${RABBIT.host}`;

/** Sets an environment variable of this process (the engine's) for one test file. */
function secretVariable(prefix: string, value: string): string {
  const name = `${prefix}_${randomBytes(4).toString('hex').toUpperCase()}`;
  process.env[name] = value;
  return name;
}

function custom(name: string, parts: Omit<CustomEnvironment, 'kind' | 'id' | 'name'>): CustomEnvironment {
  return { kind: 'custom', id: uniqueName('env'), name, ...parts };
}

/** Every byte of every file in the engine's data folder (the database, its WAL, settings). */
function dataFolderText(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('Test connection', () => {
  it('reaches the local Kafka and RabbitMQ', async () => {
    const { engine } = await startEngine();
    const { results, error } = await engine.handlers['environment.test']({ environment: LOCAL });
    expect(error).toBeUndefined();
    expect(results.map((r) => [r.transport, r.ok, r.error])).toEqual([
      ['kafka', true, undefined],
      ['amqp', true, undefined],
    ]);
    expect(results[1].target).toBe(redactUrl(AMQP_URL));
  });

  it('fails fast with a hint on a port nothing listens on', async () => {
    const { engine } = await startEngine();
    const port = await unusedPort();
    const started = Date.now();
    const { results } = await engine.handlers['environment.test']({
      environment: {
        kind: 'local',
        kafkaBrokers: [`127.0.0.1:${port}`],
        amqpUrl: `amqp://127.0.0.1:${port}`,
      },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/ECONNREFUSED/);
    }
    expect(results[0].hint).toMatch(/Is Kafka running at this address/);
    expect(results[1].hint).toMatch(/Is RabbitMQ running at this address/);
  });

  it('speaks TLS to Kafka when TLS is on: against the plaintext listener the handshake fails, with a TLS hint', async () => {
    const { engine } = await startEngine();
    const tls = custom('Kafka TLS', {
      kafka: { brokers: KAFKA_BROKERS, ssl: { enabled: true, rejectUnauthorized: true } },
    });
    const { results } = await engine.handlers['environment.test']({ environment: tls, timeoutMs: 3_000 });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ transport: 'kafka', ok: false });
    expect(results[0].hint).toMatch(/TLS/);
    // The same brokers without TLS are fine: the failure is the TLS option reaching kafkajs.
    const plain = custom('Kafka', { kafka: { brokers: KAFKA_BROKERS } });
    expect((await engine.handlers['environment.test']({ environment: plain })).results[0].ok).toBe(true);
  });

  it('authenticates to Kafka with SASL when asked: a listener without SASL refuses it', async () => {
    const { engine } = await startEngine();
    const variable = secretVariable('FB_ENVS_KAFKA_PW', `sasl-${randomBytes(6).toString('hex')}`);
    const sasl = custom('Kafka SASL', {
      kafka: {
        brokers: KAFKA_BROKERS,
        sasl: { mechanism: 'scram-sha-256', username: 'app', password: { from: 'env', name: variable } },
      },
    });
    const { results } = await engine.handlers['environment.test']({ environment: sasl, timeoutMs: 3_000 });
    expect(results[0].ok).toBe(false);
    expect(results[0].error).toMatch(/SASL/i);
    expect(results[0].hint).toMatch(/does not take this SASL mechanism/);
    expect(results[0].error).not.toContain(process.env[variable]);
  });

  it('speaks TLS to RabbitMQ on amqps://: against the plaintext port the handshake fails, with a TLS hint', async () => {
    const { engine } = await startEngine();
    const env = custom('Rabbit TLS', { amqp: { url: `amqps://${RABBIT.host}`, tls: {} } });
    const { results } = await engine.handlers['environment.test']({ environment: env, timeoutMs: 3_000 });
    expect(results[0]).toMatchObject({ transport: 'amqp', ok: false });
    expect(results[0].hint).toMatch(/TLS handshake failed/);
  });

  it('reports a RabbitMQ login refused for a wrong password from an environment variable, never the password', async () => {
    const { engine } = await startEngine();
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    const variable = secretVariable('FB_ENVS_AMQP_PW', wrong);
    const env = custom('Rabbit wrong password', {
      amqp: { url: RABBIT_NO_PASSWORD, username: 'guest', password: { from: 'env', name: variable } },
    });
    const { results } = await engine.handlers['environment.test']({ environment: env });
    expect(results[0]).toMatchObject({ transport: 'amqp', ok: false });
    expect(results[0].error).toMatch(/ACCESS.REFUSED/);
    expect(results[0].hint).toMatch(/refused the credentials/);
    expect(JSON.stringify(results)).not.toContain(wrong);
  });
});

describe('gRPC Test connection', () => {
  let folder: FlowFolder;
  let pki: TestPki;
  beforeAll(async () => {
    folder = labFolder();
    pki = await makeTestPki();
    folder.write('ca.pem', pki.caCert);
  });
  afterAll(() => folder.remove());

  it('completes a TLS handshake with a real grpc-js server trusting the given CA, and names an untrusted certificate', async () => {
    const service = loadFlowProtoService({ flowDir: folder.dir, protoFile: 'lab.proto' }, 'lab.v1.Lab');
    const server = await startGrpcServer({
      service,
      behaviours: new Map(),
      tls: { cert: pki.serverCert, key: pki.serverKey },
    });
    try {
      const { engine } = await startEngine();
      const trusting = custom('gRPC TLS', { grpc: { tls: { caFile: join(folder.dir, 'ca.pem') } } });
      const ok = await engine.handlers['environment.test']({
        environment: trusting,
        grpcAddress: server.address,
      });
      expect(ok.results).toEqual([
        expect.objectContaining({ transport: 'grpc', ok: true, target: server.address }),
      ]);
      const systemRoots = custom('gRPC TLS system roots', { grpc: { tls: {} } });
      const bad = await engine.handlers['environment.test']({
        environment: systemRoots,
        grpcAddress: server.address,
      });
      expect(bad.results[0].ok).toBe(false);
      expect(bad.results[0].hint).toMatch(/certificate is not trusted/);
    } finally {
      await server.close(200);
    }
  });
});

describe('runs on a custom environment', () => {
  it('run a flow on the local brokers with the RabbitMQ password from an environment variable', async () => {
    const { engine } = await startEngine();
    const variable = secretVariable('FB_ENVS_GOOD_PW', decodeURIComponent(RABBIT.password || 'guest'));
    const { environment } = await engine.handlers['environments.save']({
      environment: custom('Local by variable', {
        kafka: { brokers: KAFKA_BROKERS },
        amqp: {
          url: RABBIT_NO_PASSWORD,
          username: decodeURIComponent(RABBIT.username || 'guest'),
          password: { from: 'env', name: variable },
        },
      }),
    });
    await engine.handlers['environment.select']({ id: environment.id });
    const b = flowBuilder('custom env');
    b.node('clock', 'timer', { intervalMs: 20, count: 5, payload: '{"n": {{seq}}}' });
    b.node('ticks', 'kafkaTopic', { topic: uniqueName('envs-ticks'), partitions: 1 });
    b.node('end', 'sink', {});
    b.node('p', 'producer', { rate: 50, count: 5, payload: '{"m": {{seq}}}' });
    b.node('q', 'rabbitQueue', { queue: uniqueName('envs-q') });
    b.node('c', 'consumer', {});
    b.edge('clock', 'ticks');
    b.edge('ticks', 'end');
    b.edge('p', 'q');
    b.edge('q', 'c');
    const started = await engine.handlers['run.start']({ flow: b.flow });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await untilStatus(engine, 'five messages through Kafka and five through RabbitMQ', (s) => {
      return s.counters.end?.acked === 5 && s.counters.c?.acked === 5;
    });
    await engine.handlers['run.stop']({});
    const [run] = await engine.handlers['runs.list']({ limit: 1 });
    expect(run.environment).toBe(
      `custom "Local by variable" (kafka ${KAFKA_BROKERS.join(',')}; amqp ${RABBIT_NO_PASSWORD} as ${RABBIT.username || 'guest'})`,
    );
  });

  it('a wrong password fails the RabbitMQ nodes with the broker refusal; the password is in no file and no log', async () => {
    const { engine, dataDir } = await startEngine();
    const wrong = `run-wrong-${randomBytes(8).toString('hex')}`;
    const variable = secretVariable('FB_ENVS_RUN_PW', wrong);
    const { environment } = await engine.handlers['environments.save']({
      environment: custom('Rabbit refused', {
        amqp: { url: RABBIT_NO_PASSWORD, username: 'guest', password: { from: 'env', name: variable } },
      }),
    });
    await engine.handlers['environment.select']({ id: environment.id });
    const b = flowBuilder('refused');
    b.node('p', 'producer', { rate: 20, count: 3, payload: '{}' });
    b.node('q', 'rabbitQueue', { queue: uniqueName('envs-refused') });
    b.node('c', 'consumer', {});
    b.edge('p', 'q');
    b.edge('q', 'c');
    const started = await engine.handlers['run.start']({ flow: b.flow });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const failed = await untilStatus(engine, 'the queue failed', (s) => s.counters.q?.status === 'error');
    expect(failed.counters.q.error).toMatch(/ACCESS.REFUSED/);
    const log = await engine.handlers['run.log']({});
    expect(JSON.stringify(log)).toMatch(/ACCESS.REFUSED/);
    await engine.handlers['run.stop']({});

    const everything = `${dataFolderText(dataDir)}\n${JSON.stringify(log)}\n${JSON.stringify(failed)}`;
    // The grep sees the data: the run and its environment's description are there...
    expect(everything).toContain('custom "Rabbit refused"');
    expect(everything).toContain(variable);
    // ...and the password nowhere.
    expect(everything).not.toContain(wrong);
  });

  it('does not start when the password variable is missing, and says which variable', async () => {
    const { engine } = await startEngine();
    const missing = `FB_ENVS_MISSING_${randomBytes(4).toString('hex').toUpperCase()}`;
    const { environment } = await engine.handlers['environments.save']({
      environment: custom('Missing variable', {
        amqp: { url: RABBIT_NO_PASSWORD, username: 'guest', password: { from: 'env', name: missing } },
      }),
    });
    await engine.handlers['environment.select']({ id: environment.id });
    const b = flowBuilder('never');
    b.node('p', 'producer', { rate: 20, count: 3, payload: '{}' });
    b.node('q', 'rabbitQueue', { queue: uniqueName('envs-never') });
    b.edge('p', 'q');
    await expect(engine.handlers['run.start']({ flow: b.flow })).rejects.toThrow(
      new RegExp(`environment variable ${missing}, which is not set`),
    );
    expect(await engine.handlers['runs.list']({ limit: 5 })).toEqual([]);
    expect((await engine.handlers['run.status']({})).state).toBe('idle');
  });

  it('refuses a flow with topics on an environment without Kafka, naming the node', async () => {
    const { engine } = await startEngine();
    const rabbitOnly = custom('Rabbit only', { amqp: { url: AMQP_URL.replace(/\/\/[^@]*@/, '//') } });
    const b = flowBuilder('topics');
    b.node('p', 'producer', { rate: 20, count: 3, payload: '{}' });
    b.node('t', 'kafkaTopic', { topic: uniqueName('envs-never') });
    b.edge('p', 't');
    const started = await engine.handlers['run.start']({ flow: b.flow, environment: rabbitOnly });
    expect(started).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ nodeId: 't', message: expect.stringMatching(/has no Kafka settings/) }),
      ],
    });
  });
});
