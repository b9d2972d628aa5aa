import { describe, expect, it } from 'vitest';
import { customEnvironmentSchema, type CustomEnvironment } from '@shared/run/custom-environment';
import { EnvironmentError, resolveEnvironment, type ResolveDeps } from './resolve-environment';

const SECRET = 'pa:ss/wörd-7f3';

function custom(overrides: Partial<CustomEnvironment>): CustomEnvironment {
  return customEnvironmentSchema.parse({ kind: 'custom', id: 'e1', name: 'Staging', ...overrides });
}

const files: Record<string, string> = { '/pki/ca.pem': 'CA PEM', '/pki/c.pem': 'CERT', '/pki/c.key': 'KEY' };
const deps = (extra: Partial<ResolveDeps> = {}): ResolveDeps => ({
  env: { KAFKA_PASSWORD: SECRET, AMQP_PASSWORD: SECRET },
  readFile: async (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: open '${path}'`), { code: 'ENOENT' });
    return Buffer.from(text);
  },
  ...extra,
});

describe('resolveEnvironment', () => {
  it('builds kafkajs ssl and sasl options from the settings and an env reference', async () => {
    const env = custom({
      kafka: {
        brokers: ['k1:9093'],
        ssl: { enabled: true, caFile: '/pki/ca.pem', rejectUnauthorized: false },
        sasl: {
          mechanism: 'scram-sha-256',
          username: 'app',
          password: { from: 'env', name: 'KAFKA_PASSWORD' },
        },
      },
    });
    const resolved = await resolveEnvironment(env, deps());
    if (resolved.kind !== 'brokers') throw new Error('expected brokers');
    expect(resolved.kafka).toEqual({
      brokers: ['k1:9093'],
      ssl: { rejectUnauthorized: false, ca: [Buffer.from('CA PEM')] },
      sasl: { mechanism: 'scram-sha-256', username: 'app', password: SECRET },
    });
    expect(resolved.amqp).toBeUndefined();
    expect(resolved.secrets).toEqual([SECRET]);
    expect(resolved.label).toBe('custom "Staging" (kafka k1:9093 [tls, sasl scram-sha-256 as app])');
  });

  it('gives amqplib explicit credentials (the password never goes into the URL) and the CA', async () => {
    const env = custom({
      amqp: {
        url: 'amqps://rabbit:5671',
        username: 'app',
        password: { from: 'keychain', id: 'k1' },
        tls: { caFile: '/pki/ca.pem' },
      },
    });
    const resolved = await resolveEnvironment(
      env,
      deps({ secrets: { get: async (id) => `${id}:${SECRET}` } }),
    );
    if (resolved.kind !== 'brokers') throw new Error('expected brokers');
    expect(resolved.amqp).toEqual({
      url: 'amqps://rabbit:5671',
      credentials: { username: 'app', password: `k1:${SECRET}` },
      ca: [Buffer.from('CA PEM')],
    });
    expect(resolved.label).not.toContain(SECRET);
  });

  it('refuses to run when an environment variable is missing, naming it and the field', async () => {
    const env = custom({
      kafka: {
        brokers: ['k1:9093'],
        sasl: { mechanism: 'plain', username: 'app', password: { from: 'env', name: 'NOT_SET_ANYWHERE' } },
      },
    });
    const err = await resolveEnvironment(env, deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toMatch(
      /environment "Staging": the Kafka SASL password comes from the environment variable NOT_SET_ANYWHERE, which is not set/,
    );
  });

  it('refuses keychain references without a keychain (browser mode) with the advice to use a variable', async () => {
    const env = custom({
      amqp: { url: 'amqp://h:5672', username: 'u', password: { from: 'keychain', id: 'x' } },
    });
    await expect(resolveEnvironment(env, deps())).rejects.toThrow(
      /the AMQP password is in the keychain, but browser mode cannot keep secrets; reference an environment variable/,
    );
  });

  it('names an unreadable keychain entry and a missing TLS file', async () => {
    const keychain = custom({
      amqp: { url: 'amqp://h:5672', username: 'u', password: { from: 'keychain', id: 'x' } },
    });
    const failing = {
      get: async (): Promise<string> => Promise.reject(new Error('no keychain secret with id x')),
    };
    await expect(resolveEnvironment(keychain, deps({ secrets: failing }))).rejects.toThrow(
      /AMQP password could not be read from the keychain: no keychain secret with id x/,
    );
    const tls = custom({ grpc: { tls: { caFile: '/pki/missing.pem' } } });
    await expect(resolveEnvironment(tls, deps())).rejects.toThrow(
      'environment "Staging": cannot read the gRPC CA file /pki/missing.pem: no such file',
    );
  });

  it('reads gRPC TLS files and keeps a local URL password only for redaction', async () => {
    const grpc = await resolveEnvironment(
      custom({ grpc: { tls: { caFile: '/pki/ca.pem', certFile: '/pki/c.pem', keyFile: '/pki/c.key' } } }),
      deps(),
    );
    expect(grpc.kind === 'brokers' && grpc.grpc?.tls?.key?.toString()).toBe('KEY');
    const local = await resolveEnvironment(
      { kind: 'local', kafkaBrokers: ['127.0.0.1:9092'], amqpUrl: 'amqp://u:top%40secret@h:5672' },
      deps(),
    );
    expect(local.secrets).toEqual(['top@secret']);
    expect(local.label).toBe('local (kafka 127.0.0.1:9092; amqp amqp://u:***@h:5672)');
  });
});
