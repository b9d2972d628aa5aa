import type { ExchangePublisher, OutgoingMessage, QueuePublisher } from '../transport';

/**
 * The point-to-point publisher (QueueTransport's shape) on top of an exchange publisher:
 * messages go through the default exchange with the queue's name as routing key,
 * mandatory, so a missing queue is an error rather than a silent drop. `publish` resolves
 * when every message is confirmed and otherwise rejects, counting nacked, unroutable and
 * unconfirmed messages. Messages to a queue this transport declared durable are persisted.
 */
export function createAmqpQueuePublisher(
  publisher: ExchangePublisher,
  isDurable: (queue: string) => boolean,
): QueuePublisher {
  return {
    async publish(queue: string, messages: OutgoingMessage[]): Promise<void> {
      if (messages.length === 0) return;
      const outcomes = await publisher.publishTo(
        '',
        messages.map((message) => ({ ...message, routingKey: queue })),
        { mandatory: true, persistent: isDurable(queue) },
      );
      const count = (status: string): number =>
        outcomes.filter((outcome) => outcome.status === status).length;
      const total = messages.length;
      if (count('nacked') > 0) {
        throw new Error(
          `RabbitMQ nacked ${count('nacked')} of ${total} messages published to queue "${queue}"`,
        );
      }
      const failed = outcomes.find((outcome) => outcome.status === 'failed');
      if (failed && failed.status === 'failed') {
        throw new Error(
          `${count('failed')} of ${total} messages to queue "${queue}" were not confirmed: ${failed.error}`,
        );
      }
      if (count('unroutable') > 0) {
        throw new Error(`${count('unroutable')} of ${total} messages were not routed: no queue "${queue}"`);
      }
    },
    close: () => publisher.close(),
  };
}
