import { readFile } from 'node:fs/promises';
import {
  BROWSER_MODE_SECRETS_MESSAGE,
  type CustomEnvironment,
  type SecretRef,
} from '@shared/run/custom-environment';
import type { Environment } from '@shared/run/environment';
import { describeEnvironment } from './describe-environment';
import type { AmqpClientSettings, KafkaClientSettings, RunEnvironment } from './run-environment';
import type { SecretSource } from './secret-source';

/** A problem with an environment's settings, named by environment and field; no run starts. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

export interface ResolveDeps {
  /** Keychain secrets (desktop); absent in browser mode, the CLI and tests without one. */
  secrets?: SecretSource;
  /** The engine's process environment, for `{ from: 'env' }` refs. */
  env: Readonly<Record<string, string | undefined>>;
  readFile?: (path: string) => Promise<Buffer>;
}

/**
 * Turns an environment into the settings the clients take: secret references resolved to
 * values, TLS files read. Fails, before anything connects, with an EnvironmentError naming
 * the environment, the field and the variable or file; the message never holds a value.
 */
export async function resolveEnvironment(env: Environment, deps: ResolveDeps): Promise<RunEnvironment> {
  if (env.kind === 'embedded') return { kind: 'embedded', label: describeEnvironment(env), secrets: [] };
  if (env.kind === 'local') {
    return {
      kind: 'brokers',
      label: describeEnvironment(env),
      kafka: { brokers: env.kafkaBrokers },
      amqp: { url: env.amqpUrl },
      secrets: passwordOfUrl(env.amqpUrl),
    };
  }
  const secrets: string[] = [];
  const resolver = new Resolver(env, deps, secrets);
  const [kafka, amqp, grpcTls] = await Promise.all([
    env.kafka ? resolver.kafka(env.kafka) : undefined,
    env.amqp ? resolver.amqp(env.amqp) : undefined,
    env.grpc?.tls ? resolver.grpcTls(env.grpc.tls) : undefined,
  ]);
  return {
    kind: 'brokers',
    label: describeEnvironment(env),
    ...(kafka ? { kafka } : {}),
    ...(amqp ? { amqp } : {}),
    ...(env.grpc ? { grpc: grpcTls ? { tls: grpcTls } : {} } : {}),
    secrets,
  };
}

class Resolver {
  private readonly read: (path: string) => Promise<Buffer>;

  constructor(
    private readonly env: CustomEnvironment,
    private readonly deps: ResolveDeps,
    private readonly found: string[],
  ) {
    this.read = deps.readFile ?? ((path) => readFile(path));
  }

  async kafka(k: NonNullable<CustomEnvironment['kafka']>): Promise<KafkaClientSettings> {
    const settings: KafkaClientSettings = { brokers: k.brokers };
    if (k.ssl?.enabled) {
      const ca = k.ssl.caFile ? [await this.file(k.ssl.caFile, 'Kafka CA')] : undefined;
      settings.ssl = { rejectUnauthorized: k.ssl.rejectUnauthorized, ...(ca ? { ca } : {}) };
    }
    if (k.sasl) {
      const password = await this.secret(k.sasl.password, 'Kafka SASL password');
      const { mechanism, username } = k.sasl;
      settings.sasl = { mechanism, username, password };
    }
    return settings;
  }

  async amqp(a: NonNullable<CustomEnvironment['amqp']>): Promise<AmqpClientSettings> {
    const settings: AmqpClientSettings = { url: a.url };
    if (a.password && a.username) {
      settings.credentials = {
        username: a.username,
        password: await this.secret(a.password, 'AMQP password'),
      };
    } else if (a.username) {
      // A user without a password: amqplib reads the user from the URL, so put it there.
      settings.url = withUser(a.url, a.username);
    }
    if (a.tls?.caFile) settings.ca = [await this.file(a.tls.caFile, 'AMQP CA')];
    return settings;
  }

  async grpcTls(t: { caFile?: string; certFile?: string; keyFile?: string }): Promise<{
    ca?: Buffer;
    cert?: Buffer;
    key?: Buffer;
  }> {
    const [ca, cert, key] = await Promise.all([
      t.caFile ? this.file(t.caFile, 'gRPC CA') : undefined,
      t.certFile ? this.file(t.certFile, 'gRPC client certificate') : undefined,
      t.keyFile ? this.file(t.keyFile, 'gRPC client key') : undefined,
    ]);
    return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
  }

  private async secret(ref: SecretRef, field: string): Promise<string> {
    const where = `environment "${this.env.name}": the ${field}`;
    let value: string | undefined;
    if (ref.from === 'env') {
      value = this.deps.env[ref.name];
      if (value === undefined || value === '')
        throw new EnvironmentError(
          `${where} comes from the environment variable ${ref.name}, which is not set for Flowbench. Set it before starting Flowbench, or store the password in the keychain.`,
        );
    } else {
      if (!this.deps.secrets)
        throw new EnvironmentError(`${where} is in the keychain, but ${BROWSER_MODE_SECRETS_MESSAGE}.`);
      try {
        value = await this.deps.secrets.get(ref.id);
      } catch (err) {
        throw new EnvironmentError(`${where} could not be read from the keychain: ${errorText(err)}`);
      }
    }
    this.found.push(value);
    return value;
  }

  private async file(path: string, what: string): Promise<Buffer> {
    try {
      return await this.read(path);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const reason = code === 'ENOENT' ? 'no such file' : errorText(err);
      throw new EnvironmentError(
        `environment "${this.env.name}": cannot read the ${what} file ${path}: ${reason}`,
      );
    }
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function withUser(url: string, username: string): string {
  return url.replace(/^(amqps?:\/\/)(?:[^/?#@]*@)?/, `$1${encodeURIComponent(username)}@`);
}

/** The password of a local environment's AMQP URL (kept in memory only), for redaction. */
function passwordOfUrl(url: string): string[] {
  try {
    const password = new URL(url).password;
    return password ? [decodeURIComponent(password)] : [];
  } catch {
    // An unparsable URL fails at connect; redactUrl still hides a `user:pass@` part.
    return [];
  }
}
