import { LOCAL_BROKERS_DEFAULT, type Environment } from '../run/environment';

/** Where a flow's brokers are, as an export describes them (never with a password). */
export interface BrokerAddresses {
  /** Environment name shown in documents. */
  environmentName: string;
  kafka: { hosts: string[]; secure: boolean };
  amqp: { host: string; port: number; secure: boolean; vhost: string };
}

/** host:port (and vhost) of an amqp(s) URL, with any user info dropped. */
function amqpAddress(url: string): BrokerAddresses['amqp'] {
  const m = /^(amqps?):\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::(\d+))?(?:\/([^?#]*))?/i.exec(url);
  const secure = m?.[1]?.toLowerCase() === 'amqps';
  const port = m?.[3] ? Number(m[3]) : secure ? 5671 : 5672;
  const vhost = m?.[4] ? decodeURIComponent(m[4]) : '/';
  return { host: m?.[2] ?? '127.0.0.1', port, secure, vhost: vhost || '/' };
}

/**
 * The brokers of an environment: the local brokers for Embedded (it has none of its own,
 * and those are what the flow would run against outside Flowbench), else its settings.
 */
export function brokerAddresses(environment: Environment | undefined): BrokerAddresses {
  const env = !environment || environment.kind === 'embedded' ? LOCAL_BROKERS_DEFAULT : environment;
  if (env.kind === 'local') {
    return {
      environmentName:
        environment?.kind === 'local' ? 'Local brokers' : 'Local brokers (the flow runs Embedded)',
      kafka: { hosts: env.kafkaBrokers, secure: false },
      amqp: amqpAddress(env.amqpUrl),
    };
  }
  if (env.kind === 'custom') {
    return {
      environmentName: env.name,
      kafka: {
        hosts: env.kafka?.brokers ?? ['127.0.0.1:9092'],
        secure: Boolean(env.kafka?.ssl?.enabled || env.kafka?.sasl),
      },
      amqp: amqpAddress(env.amqp?.url ?? 'amqp://127.0.0.1:5672'),
    };
  }
  return brokerAddresses(LOCAL_BROKERS_DEFAULT);
}
