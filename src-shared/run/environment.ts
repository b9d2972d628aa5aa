import { z } from 'zod';
import { customEnvironmentSchema } from './custom-environment';

/**
 * Where a flow runs: in-process, the local brokers, or a user-defined environment (which
 * references its secrets, never holds them). The same flow runs unchanged on each.
 */
export const environmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }),
  z.object({
    kind: z.literal('local'),
    kafkaBrokers: z
      .array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port'))
      .min(1, 'needs at least one broker')
      .default(['127.0.0.1:9092']),
    amqpUrl: z
      .string()
      .regex(/^amqps?:\/\//, 'must start with amqp:// or amqps://')
      .default('amqp://127.0.0.1:5672'),
  }),
  customEnvironmentSchema,
]);

export type Environment = z.infer<typeof environmentSchema>;

export const LOCAL_BROKERS_DEFAULT: Environment = {
  kind: 'local',
  kafkaBrokers: ['127.0.0.1:9092'],
  amqpUrl: 'amqp://127.0.0.1:5672',
};

/** Removes a password from an AMQP URL before it is shown or logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}
