import { LOCAL_BROKERS_DEFAULT, type Environment } from '@shared/run/environment';

/** The local brokers, from FLOWBENCH_KAFKA_BROKERS / FLOWBENCH_AMQP_URL when set (as the tests do). */
export function localEnvironment(): Extract<Environment, { kind: 'local' }> {
  const local = LOCAL_BROKERS_DEFAULT as Extract<Environment, { kind: 'local' }>;
  return {
    kind: 'local',
    kafkaBrokers: process.env.FLOWBENCH_KAFKA_BROKERS?.split(',') ?? local.kafkaBrokers,
    amqpUrl: process.env.FLOWBENCH_AMQP_URL ?? local.amqpUrl,
  };
}
