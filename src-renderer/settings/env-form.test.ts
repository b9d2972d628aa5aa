import { describe, expect, it } from 'vitest';
import type { CustomEnvironment } from '@shared/run/custom-environment';
import { environmentFromForm, formFromEnvironment, PENDING_KEYCHAIN_ID } from './env-form';

const saved: CustomEnvironment = {
  kind: 'custom',
  id: 'staging',
  name: 'Staging',
  kafka: {
    brokers: ['k1:9093', 'k2:9093'],
    ssl: { enabled: true, caFile: '/ca.pem', rejectUnauthorized: true },
    sasl: { mechanism: 'scram-sha-512', username: 'app', password: { from: 'env', name: 'KAFKA_PW' } },
  },
  amqp: {
    url: 'amqps://rabbit:5671',
    username: 'app',
    password: { from: 'keychain', id: 'k-1' },
    tls: { caFile: '/ca.pem' },
  },
  grpc: { tls: { caFile: '/ca.pem' } },
};

describe('the environment form', () => {
  it('round-trips a saved environment unchanged', () => {
    expect(environmentFromForm(formFromEnvironment(saved))).toEqual({ ok: true, environment: saved });
  });

  it('starts a new environment on the local ports, without TLS or passwords', () => {
    const form = { ...formFromEnvironment(), name: 'Mine' };
    expect(environmentFromForm(form)).toEqual({
      ok: true,
      environment: {
        kind: 'custom',
        id: 'new',
        name: 'Mine',
        kafka: { brokers: ['127.0.0.1:9092'] },
        amqp: { url: 'amqp://127.0.0.1:5672' },
      },
    });
  });

  it('puts each error on its field', () => {
    const form = {
      ...formFromEnvironment(saved),
      name: ' ',
      kafkaBrokers: 'nohost',
      amqpUrl: 'amqp://u:secret@rabbit',
      kafkaPassword: { source: 'env' as const, envName: '9bad', keychainId: null, typed: '' },
    };
    const res = environmentFromForm(form);
    if (res.ok) throw new Error('expected errors');
    expect(res.errors.name).toMatch(/must not be empty/);
    expect(res.errors.kafkaBrokers).toMatch(/host:port/);
    expect(res.errors.kafkaPassword).toMatch(/environment variable name/);
    expect(res.errors.amqpUrl).toMatch(/must not contain a password/);
  });

  it('asks for a keychain password until one is typed, then marks it pending until stored', () => {
    const form = formFromEnvironment(saved);
    const empty = { source: 'keychain' as const, envName: '', keychainId: null, typed: '' };
    const res = environmentFromForm({ ...form, amqpPassword: empty });
    expect(res.ok ? null : res.errors.amqpPassword).toBe('type the password to keep in the keychain');
    const typed = environmentFromForm({ ...form, amqpPassword: { ...empty, typed: 'pw' } });
    expect(typed.ok && typed.environment.amqp?.password).toEqual({
      from: 'keychain',
      id: PENDING_KEYCHAIN_ID,
    });
  });
});
