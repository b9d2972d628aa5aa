import type { CustomEnvironment } from '@shared/run/custom-environment';
import { redactUrl, type Environment } from '@shared/run/environment';

/**
 * One line naming an environment for the runs table and the run log: addresses, TLS and
 * SASL mechanism and user, never a password (a local AMQP URL's password is redacted).
 */
export function describeEnvironment(env: Environment): string {
  if (env.kind === 'embedded') return 'embedded';
  if (env.kind === 'local')
    return `local (kafka ${env.kafkaBrokers.join(',')}; amqp ${redactUrl(env.amqpUrl)})`;
  return `custom "${env.name}" (${describeParts(env).join('; ') || 'no brokers'})`;
}

function describeParts(env: CustomEnvironment): string[] {
  const parts: string[] = [];
  if (env.kafka) {
    const extras = [
      env.kafka.ssl?.enabled ? 'tls' : '',
      env.kafka.sasl ? `sasl ${env.kafka.sasl.mechanism} as ${env.kafka.sasl.username}` : '',
    ].filter(Boolean);
    parts.push(`kafka ${env.kafka.brokers.join(',')}${extras.length ? ` [${extras.join(', ')}]` : ''}`);
  }
  if (env.amqp) {
    const user = env.amqp.username ? ` as ${env.amqp.username}` : '';
    parts.push(`amqp ${redactUrl(env.amqp.url)}${user}`);
  }
  if (env.grpc?.tls) parts.push('grpc tls');
  return parts;
}
