import type { Transport } from '@shared/trace/events';

/** A short, actionable hint for a broker or server error, from its own message. */
export function hintFor(transport: Transport, message: string): string {
  const m = message.toLowerCase();
  if (
    m.includes('econnrefused') ||
    m.includes('connection error') ||
    m.includes('enotfound') ||
    m.includes('timeout')
  ) {
    if (transport === 'kafka')
      return 'Is Kafka running at this address? Start local brokers with `npm run brokers -- up`, or switch the environment to Embedded.';
    if (transport === 'amqp')
      return 'Is RabbitMQ running at this address? Start local brokers with `npm run brokers -- up`, or switch the environment to Embedded.';
  }
  if (m.includes('access_refused') || m.includes('authentication') || m.includes('sasl'))
    return 'The broker refused the credentials: check the user and password of the environment.';
  if (m.includes('precondition_failed'))
    return 'The queue already exists with other settings: delete it on the broker or match its settings.';
  if (m.includes('does not host this topic-partition') || m.includes('unknown_topic'))
    return 'The topic does not exist and automatic creation is off: check its name.';
  if (m.includes('deadline exceeded'))
    return 'The call took longer than its deadline: raise deadlineMs or check the service.';
  if (m.includes('connection lost') || m.includes('closed'))
    return 'The connection dropped: check that the broker is still running.';
  return 'See the broker message above; recorded messages are kept.';
}
