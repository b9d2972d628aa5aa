import { describe, expect, it } from 'vitest';
import {
  customEnvironmentSchema,
  describeSecretRef,
  secretRefsOf,
  urlHasPassword,
} from './custom-environment';
import { environmentSchema } from './environment';

const full = {
  kind: 'custom',
  id: 'staging',
  name: 'Staging',
  kafka: {
    brokers: ['kafka-1.example:9093', 'kafka-2.example:9093'],
    ssl: { enabled: true, caFile: '/etc/ca.pem', rejectUnauthorized: true },
    sasl: { mechanism: 'scram-sha-512', username: 'app', password: { from: 'env', name: 'KAFKA_PASSWORD' } },
  },
  amqp: {
    url: 'amqps://rabbit.example:5671/vhost',
    username: 'app',
    password: { from: 'keychain', id: 'f3c1e1d2-aaaa-bbbb-cccc-000000000001' },
    tls: { caFile: '/etc/ca.pem' },
  },
  grpc: { tls: { caFile: '/etc/ca.pem', certFile: '/etc/client.pem', keyFile: '/etc/client.key' } },
};

function issues(value: unknown): string[] {
  const res = customEnvironmentSchema.safeParse(value);
  return res.success ? [] : res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('custom environments', () => {
  it('parse with Kafka TLS and SASL, AMQP over TLS with a keychain password, and gRPC TLS', () => {
    expect(issues(full)).toEqual([]);
    expect(environmentSchema.parse(full)).toMatchObject({ kind: 'custom', name: 'Staging' });
  });

  it('still parse the built-in environments', () => {
    expect(environmentSchema.parse({ kind: 'embedded' })).toEqual({ kind: 'embedded' });
    expect(environmentSchema.parse({ kind: 'local' })).toMatchObject({ kafkaBrokers: ['127.0.0.1:9092'] });
  });

  it('refuse an AMQP URL with a password, pointing at the password field', () => {
    const env = { ...full, amqp: { url: 'amqp://app:hunter2@rabbit.example:5672' } };
    expect(issues(env)).toEqual([expect.stringMatching(/^amqp\.url: must not contain a password/)]);
    // A user alone is fine: the password comes from a reference.
    expect(issues({ ...full, amqp: { url: 'amqp://app@rabbit.example:5672' } })).toEqual([]);
  });

  it('name the field of each mistake', () => {
    expect(issues({ ...full, amqp: { url: 'amqp://h:5672', password: { from: 'env', name: 'P' } } })).toEqual(
      ['amqp.username: a password needs a username'],
    );
    expect(issues({ ...full, amqp: { url: 'amqp://h:5672', tls: {} } })).toEqual([
      'amqp.url: TLS needs an amqps:// URL',
    ]);
    expect(issues({ ...full, grpc: { tls: { certFile: '/c.pem' } } })).toEqual([
      expect.stringMatching(/^grpc\.tls\.keyFile: a client certificate needs its key file/),
    ]);
    expect(issues({ ...full, kafka: { ...full.kafka, brokers: ['nohost'] } })).toEqual([
      'kafka.brokers.0: must be host:port',
    ]);
    expect(
      issues({
        ...full,
        kafka: { ...full.kafka, sasl: { ...full.kafka.sasl, password: { from: 'env', name: '1X' } } },
      }),
    ).toEqual([expect.stringMatching(/^kafka\.sasl\.password\.name: must be an environment variable name/)]);
    expect(issues({ ...full, id: 'local' })).toEqual(['id: is reserved']);
  });

  it('refuse a secret value written where a reference belongs', () => {
    const env = { ...full, kafka: { ...full.kafka, sasl: { ...full.kafka.sasl, password: 'hunter2' } } };
    expect(issues(env)).not.toEqual([]);
  });

  it('list their secret references and describe them without values', () => {
    const refs = secretRefsOf(customEnvironmentSchema.parse(full));
    expect(refs.map((r) => `${r.field}: ${describeSecretRef(r.ref)}`)).toEqual([
      'Kafka SASL password: from $KAFKA_PASSWORD',
      'AMQP password: stored in keychain',
    ]);
  });
});

describe('urlHasPassword', () => {
  it('sees a password only in the user-info part', () => {
    expect(urlHasPassword('amqp://u:p@h:5672')).toBe(true);
    expect(urlHasPassword('amqps://u:@h')).toBe(true);
    expect(urlHasPassword('amqp://u@h:5672')).toBe(false);
    expect(urlHasPassword('amqp://h:5672/v?x=a:b@c')).toBe(false);
  });
});
