import {
  customEnvironmentSchema,
  type CustomEnvironment,
  type SecretRef,
} from '@shared/run/custom-environment';

/** A password field of the editor: where the value comes from; a typed value only until it is stored. */
export interface SecretInput {
  source: 'env' | 'keychain';
  /** The environment variable's name (source `env`). */
  envName: string;
  /** The keychain entry already holding the value (source `keychain`). */
  keychainId: string | null;
  /** A value typed for the keychain, not yet stored; never shown back. */
  typed: string;
}

/** The editor's fields as the user types them. */
export interface EnvForm {
  id: string | null;
  name: string;
  kafkaOn: boolean;
  kafkaBrokers: string;
  kafkaTls: boolean;
  kafkaCaFile: string;
  kafkaVerify: boolean;
  kafkaSasl: '' | 'plain' | 'scram-sha-256' | 'scram-sha-512';
  kafkaUser: string;
  kafkaPassword: SecretInput;
  amqpOn: boolean;
  amqpUrl: string;
  amqpUser: string;
  amqpPasswordOn: boolean;
  amqpPassword: SecretInput;
  amqpCaFile: string;
  grpcOn: boolean;
  grpcCaFile: string;
  grpcCertFile: string;
  grpcKeyFile: string;
}

export type EnvFormField = keyof EnvForm;
export type EnvFormErrors = Partial<Record<EnvFormField, string>>;

const emptySecret = (): SecretInput => ({ source: 'env', envName: '', keychainId: null, typed: '' });

function secretInput(ref: SecretRef | undefined): SecretInput {
  if (!ref) return emptySecret();
  return ref.from === 'env'
    ? { source: 'env', envName: ref.name, keychainId: null, typed: '' }
    : { source: 'keychain', envName: '', keychainId: ref.id, typed: '' };
}

/** The form for an existing environment, or a new one pointing at the usual local ports. */
export function formFromEnvironment(env?: CustomEnvironment): EnvForm {
  return {
    id: env?.id ?? null,
    name: env?.name ?? '',
    kafkaOn: env ? Boolean(env.kafka) : true,
    kafkaBrokers: env?.kafka?.brokers.join(', ') ?? '127.0.0.1:9092',
    kafkaTls: env?.kafka?.ssl?.enabled ?? false,
    kafkaCaFile: env?.kafka?.ssl?.caFile ?? '',
    kafkaVerify: env?.kafka?.ssl?.rejectUnauthorized ?? true,
    kafkaSasl: env?.kafka?.sasl?.mechanism ?? '',
    kafkaUser: env?.kafka?.sasl?.username ?? '',
    kafkaPassword: secretInput(env?.kafka?.sasl?.password),
    amqpOn: env ? Boolean(env.amqp) : true,
    amqpUrl: env?.amqp?.url ?? 'amqp://127.0.0.1:5672',
    amqpUser: env?.amqp?.username ?? '',
    amqpPasswordOn: Boolean(env?.amqp?.password),
    amqpPassword: secretInput(env?.amqp?.password),
    amqpCaFile: env?.amqp?.tls?.caFile ?? '',
    grpcOn: Boolean(env?.grpc),
    grpcCaFile: env?.grpc?.tls?.caFile ?? '',
    grpcCertFile: env?.grpc?.tls?.certFile ?? '',
    grpcKeyFile: env?.grpc?.tls?.keyFile ?? '',
  };
}

/** Stands in for a keychain entry that Save will create, so the rest can be checked first. */
export const PENDING_KEYCHAIN_ID = 'pending';

function ref(input: SecretInput): SecretRef | { from: 'keychain'; id: string } | { invalid: string } {
  if (input.source === 'env') return { from: 'env', name: input.envName.trim() };
  if (input.typed) return { from: 'keychain', id: input.keychainId ?? PENDING_KEYCHAIN_ID };
  if (input.keychainId) return { from: 'keychain', id: input.keychainId };
  return { invalid: 'type the password to keep in the keychain' };
}

const optional = (text: string): string | undefined => (text.trim() ? text.trim() : undefined);

/** Where each schema path shows its error in the form. */
function fieldOf(path: ReadonlyArray<PropertyKey>): EnvFormField {
  const [section, key, sub] = path.map(String);
  if (section === 'kafka') {
    if (key === 'brokers') return 'kafkaBrokers';
    if (key === 'ssl') return 'kafkaCaFile';
    if (key === 'sasl') return sub === 'password' ? 'kafkaPassword' : 'kafkaUser';
    return 'kafkaBrokers';
  }
  if (section === 'amqp') {
    if (key === 'username') return 'amqpUser';
    if (key === 'password') return 'amqpPassword';
    if (key === 'tls') return 'amqpCaFile';
    return 'amqpUrl';
  }
  if (section === 'grpc') {
    if (sub === 'certFile') return 'grpcCertFile';
    if (sub === 'keyFile') return 'grpcKeyFile';
    return 'grpcCaFile';
  }
  return 'name';
}

/**
 * Builds the environment from the form, with the contract's own schema, or the first
 * error per field. A keychain password typed but not yet stored gets the pending id.
 */
export function environmentFromForm(
  form: EnvForm,
): { ok: true; environment: CustomEnvironment } | { ok: false; errors: EnvFormErrors } {
  const errors: EnvFormErrors = {};
  const draft: Record<string, unknown> = { kind: 'custom', id: form.id ?? 'new', name: form.name };
  if (form.kafkaOn) {
    const brokers = form.kafkaBrokers
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    const kafka: Record<string, unknown> = { brokers };
    if (form.kafkaTls)
      kafka.ssl = { enabled: true, caFile: optional(form.kafkaCaFile), rejectUnauthorized: form.kafkaVerify };
    if (form.kafkaSasl) {
      const password = ref(form.kafkaPassword);
      if ('invalid' in password) errors.kafkaPassword = password.invalid;
      kafka.sasl = { mechanism: form.kafkaSasl, username: form.kafkaUser.trim(), password };
    }
    draft.kafka = kafka;
  }
  if (form.amqpOn) {
    const url = form.amqpUrl.trim();
    const amqp: Record<string, unknown> = { url, username: optional(form.amqpUser) };
    if (form.amqpPasswordOn) {
      const password = ref(form.amqpPassword);
      if ('invalid' in password) errors.amqpPassword = password.invalid;
      amqp.password = password;
    }
    if (url.startsWith('amqps://')) amqp.tls = { caFile: optional(form.amqpCaFile) };
    draft.amqp = amqp;
  }
  if (form.grpcOn) {
    const tls = {
      caFile: optional(form.grpcCaFile),
      certFile: optional(form.grpcCertFile),
      keyFile: optional(form.grpcKeyFile),
    };
    draft.grpc = { tls };
  }
  const parsed = customEnvironmentSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // A reference already reported as missing needs no second message.
      errors[fieldOf(issue.path)] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, environment: parsed.data };
}
