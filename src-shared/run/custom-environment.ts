import { z } from 'zod';

/*
 * User-defined environments: named broker connections with TLS and SASL. They hold
 * references to secrets, never secret values, so they can be stored, listed and sent to
 * the UI as they are.
 */

/** Environment variable names as shells accept them. */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/** Ids of environments and keychain entries: safe in file names, settings keys and HTML ids. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Where a secret comes from: an environment variable of the engine, or the OS keychain (desktop). */
export const secretRefSchema = z.discriminatedUnion('from', [
  z
    .object({
      from: z.literal('env'),
      name: z.string().regex(ENV_VAR_NAME, 'must be an environment variable name (letters, digits, _)'),
    })
    .strict(),
  z
    .object({ from: z.literal('keychain'), id: z.string().regex(ID_PATTERN, 'must be a keychain entry id') })
    .strict(),
]);
export type SecretRef = z.infer<typeof secretRefSchema>;

const hostPort = z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port');
const filePath = z.string().trim().min(1, 'must not be empty').max(4096);

/** True when an amqp(s) URL carries a password in its user-info part (`user:pass@`). */
export function urlHasPassword(url: string): boolean {
  const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url)?.[1];
  return userInfo !== undefined && userInfo.includes(':');
}

const amqpUrl = z
  .string()
  .trim()
  .regex(/^amqps?:\/\/[^\s]+$/, 'must start with amqp:// or amqps://')
  .refine((url) => !urlHasPassword(url), {
    message: 'must not contain a password: put it in the password field (keychain or environment variable)',
  });

export const kafkaConnectionSchema = z
  .object({
    brokers: z.array(hostPort).min(1, 'needs at least one broker'),
    ssl: z
      .object({
        enabled: z.boolean().default(true),
        /** PEM file of the CA that signed the brokers' certificates (default: the system's CAs). */
        caFile: filePath.optional(),
        rejectUnauthorized: z.boolean().default(true),
      })
      .strict()
      .optional(),
    sasl: z
      .object({
        mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
        username: z.string().min(1, 'must not be empty').max(256),
        password: secretRefSchema,
      })
      .strict()
      .optional(),
  })
  .strict();

export const amqpConnectionSchema = z
  .object({
    url: amqpUrl,
    username: z.string().min(1, 'must not be empty').max(256).optional(),
    password: secretRefSchema.optional(),
    tls: z.object({ caFile: filePath.optional() }).strict().optional(),
  })
  .strict()
  .refine((a) => !a.password || a.username, {
    message: 'a password needs a username',
    path: ['username'],
  })
  .refine((a) => !a.tls || a.url.startsWith('amqps://'), {
    message: 'TLS needs an amqps:// URL',
    path: ['url'],
  });

export const grpcConnectionSchema = z
  .object({
    tls: z
      .object({ caFile: filePath.optional(), certFile: filePath.optional(), keyFile: filePath.optional() })
      .strict()
      .refine((t) => !t.certFile === !t.keyFile, {
        message: 'a client certificate needs its key file (and a key its certificate)',
        path: ['keyFile'],
      })
      .optional(),
  })
  .strict();

/** A user-defined environment: any of Kafka, RabbitMQ and gRPC settings, with secret refs only. */
export const customEnvironmentSchema = z
  .object({
    kind: z.literal('custom'),
    id: z
      .string()
      .regex(ID_PATTERN, 'must be letters, digits, - or _')
      .refine((id) => id !== 'embedded' && id !== 'local', { message: 'is reserved' }),
    name: z.string().trim().min(1, 'must not be empty').max(100),
    kafka: kafkaConnectionSchema.optional(),
    amqp: amqpConnectionSchema.optional(),
    grpc: grpcConnectionSchema.optional(),
  })
  .strict();

export type CustomEnvironment = z.infer<typeof customEnvironmentSchema>;
export type KafkaConnectionSettings = z.infer<typeof kafkaConnectionSchema>;
export type AmqpConnectionSettings = z.infer<typeof amqpConnectionSchema>;

/** How a secret reference is shown: where the value lives, never the value. */
export function describeSecretRef(ref: SecretRef): string {
  return ref.from === 'env' ? `from $${ref.name}` : 'stored in keychain';
}

/** Every secret reference of an environment, with the field it fills (for errors and cleanup). */
export function secretRefsOf(env: CustomEnvironment): Array<{ field: string; ref: SecretRef }> {
  const refs: Array<{ field: string; ref: SecretRef }> = [];
  if (env.kafka?.sasl) refs.push({ field: 'Kafka SASL password', ref: env.kafka.sasl.password });
  if (env.amqp?.password) refs.push({ field: 'AMQP password', ref: env.amqp.password });
  return refs;
}

/** The result of one transport's connection test. */
export interface ConnectionCheck {
  transport: 'kafka' | 'amqp' | 'grpc';
  ok: boolean;
  latencyMs: number;
  /** What was tried, without secrets (brokers, redacted URL, address). */
  target: string;
  error?: string;
  hint?: string;
}

/** The message browser mode answers a keychain request with. */
export const BROWSER_MODE_SECRETS_MESSAGE =
  'browser mode cannot keep secrets; reference an environment variable';
