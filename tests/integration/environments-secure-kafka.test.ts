import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomEnvironment } from '@shared/run/custom-environment';
import { uniqueName } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';
import { createPrivateKafka, type PrivateKafka } from './helpers/private-kafka';
import { makeTestPki } from './helpers/tls-certs';

/*
 * A private Kafka with a SASL_SSL listener (PEM certificate from a throwaway CA, SASL
 * PLAIN): custom environments reach it with TLS and SASL, and nothing else does.
 */

const PASSWORD = `kafka-${randomBytes(8).toString('hex')}`;
const startEngine = useEngine('envs-secure');
let kafka: PrivateKafka;
let pkiDir: string;
let secureBroker: string;

beforeAll(async () => {
  const pki = await makeTestPki();
  pkiDir = mkdtempSync(join(tmpdir(), 'flowbench-envs-pki-'));
  writeFileSync(join(pkiDir, 'ca.pem'), pki.caCert);
  kafka = await createPrivateKafka({
    secure: { certificatePem: pki.serverCert, keyPem: pki.serverKey, plainUsers: { app: PASSWORD } },
  });
  await kafka.start();
  secureBroker = kafka.secureBroker ?? '';
}, 150_000);

afterAll(async () => {
  await kafka?.destroy();
  if (pkiDir) rmSync(pkiDir, { recursive: true, force: true });
});

function secureEnvironment(variable: string, caFile?: string): CustomEnvironment {
  return {
    kind: 'custom',
    id: uniqueName('secure'),
    name: 'Secure Kafka',
    kafka: {
      brokers: [secureBroker],
      ssl: { enabled: true, rejectUnauthorized: true, ...(caFile ? { caFile } : {}) },
      sasl: { mechanism: 'plain', username: 'app', password: { from: 'env', name: variable } },
    },
  };
}

function variableWith(value: string): string {
  const name = `FB_ENVS_SECURE_${randomBytes(4).toString('hex').toUpperCase()}`;
  process.env[name] = value;
  return name;
}

describe('Kafka over SASL_SSL (private broker)', () => {
  it('Test connection succeeds with the CA and the password from a variable; fails on a wrong password or an untrusted CA', async () => {
    const { engine } = await startEngine();
    const ca = join(pkiDir, 'ca.pem');
    const good = await engine.handlers['environment.test']({
      environment: secureEnvironment(variableWith(PASSWORD), ca),
    });
    expect(good.results).toEqual([expect.objectContaining({ transport: 'kafka', ok: true })]);

    const wrongPassword = `wrong-${randomBytes(6).toString('hex')}`;
    const wrong = await engine.handlers['environment.test']({
      environment: secureEnvironment(variableWith(wrongPassword), ca),
    });
    expect(wrong.results[0].ok).toBe(false);
    expect(wrong.results[0].hint).toMatch(/refused the credentials/);
    expect(JSON.stringify(wrong)).not.toContain(wrongPassword);

    const untrusted = await engine.handlers['environment.test']({
      environment: secureEnvironment(variableWith(PASSWORD)),
      timeoutMs: 4_000,
    });
    expect(untrusted.results[0].ok).toBe(false);
    expect(untrusted.results[0].hint).toMatch(/certificate is not trusted/);
  });

  it('runs a flow over TLS and SASL, and the password is nowhere in the data folder', async () => {
    const { engine, dataDir } = await startEngine();
    const variable = variableWith(PASSWORD);
    const { environment } = await engine.handlers['environments.save']({
      environment: secureEnvironment(variable, join(pkiDir, 'ca.pem')),
    });
    await engine.handlers['environment.select']({ id: environment.id });
    const b = flowBuilder('secure');
    b.node('clock', 'timer', { intervalMs: 20, count: 5, payload: '{"n": {{seq}}}' });
    b.node('ticks', 'kafkaTopic', { topic: uniqueName('envs-secure'), partitions: 1 });
    b.node('end', 'sink', {});
    b.edge('clock', 'ticks');
    b.edge('ticks', 'end');
    const started = await engine.handlers['run.start']({ flow: b.flow });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    await untilStatus(engine, 'five ticks over SASL_SSL', (s) => s.counters.end?.acked === 5);
    await engine.handlers['run.stop']({});
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    const text = files.map((f) => readFileSync(join(f.parentPath, f.name)).toString('latin1')).join('\n');
    expect(text).toContain('custom "Secure Kafka" (kafka');
    expect(text).not.toContain(PASSWORD);
  });
});
