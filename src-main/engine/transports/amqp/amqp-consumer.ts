import type { Channel, ConsumeMessage } from 'amqplib';
import type { Closable, QueueDelivery, TransportEventSink } from '../transport';
import type { ErrorScrubber } from './amqp-errors';
import { toIncomingMessage } from './amqp-message';

/** What one competing consumer reads and where its deliveries go. */
export interface AmqpConsumerOptions {
  queue: string;
  prefetch: number;
  onMessage: (delivery: QueueDelivery) => Promise<void>;
}

/**
 * Wraps one delivery so it is settled at most once. A second ack/nack of the same
 * delivery tag is a protocol error that makes RabbitMQ close the whole channel, and an
 * ack after the channel closed throws; in that case the broker has already requeued the
 * message, so there is nothing left to settle.
 */
function createDelivery(
  channel: Channel,
  queue: string,
  raw: ConsumeMessage,
): QueueDelivery & { settled(): boolean } {
  let settled = false;
  const settle = (action: () => void): void => {
    if (settled) return;
    settled = true;
    try {
      action();
    } catch {
      // Channel closed: see above.
    }
  };
  return {
    message: toIncomingMessage(queue, raw),
    ack: () => settle(() => channel.ack(raw)),
    nack: (requeue) => settle(() => channel.nack(raw, false, requeue)),
    settled: () => settled,
  };
}

/**
 * Starts one competing consumer on its own channel with manual acks and `prefetch`
 * unacknowledged deliveries at most, handled concurrently. If `onMessage` rejects without
 * settling its delivery, the failure is reported as `consumer-crashed` (with the queue as
 * groupId) and the delivery is nacked without requeue (dead-lettered when the queue has a
 * DLX): requeueing would hand the same failing message straight back in a tight loop.
 */
export async function startAmqpConsumer(
  openChannel: () => Promise<Channel>,
  onEvent: TransportEventSink,
  scrub: ErrorScrubber,
  options: AmqpConsumerOptions,
): Promise<Closable> {
  const { queue, prefetch, onMessage } = options;
  const channel = await openChannel();
  let started = false;
  let closing: Promise<void> | undefined;
  let crashReported = false;
  const crashed = (error: string): void => {
    if (crashReported) return;
    crashReported = true;
    onEvent({ type: 'consumer-crashed', groupId: queue, error });
  };
  // A channel-level error (an ack for an unknown tag, a deleted queue) ends this consumer
  // but not the connection. Before the consumer started, the rejected call reports it.
  channel.on('error', (error: unknown) => {
    if (started) crashed(scrub(error).message);
  });
  // A channel that closes without an error went down with its connection; the transport
  // reports the lost connection, this says which consumer stopped with it. amqplib closes
  // channels just before it emits the connection's 'close' in the same tick, so deferring
  // lets the cause come first in the run log.
  channel.on('close', () => {
    queueMicrotask(() => {
      if (started && !closing) crashed(`Channel closed with its connection; consumer of "${queue}" stopped`);
    });
  });

  const handle = (raw: ConsumeMessage | null): void => {
    if (raw === null) {
      crashed(`RabbitMQ cancelled the consumer (queue "${queue}" deleted?)`);
      return;
    }
    const delivery = createDelivery(channel, queue, raw);
    // Through a promise so a handler that throws synchronously is caught too: this runs
    // inside amqplib's frame handling, where an exception would kill the connection.
    new Promise<void>((resolve) => resolve(onMessage(delivery))).catch((error: unknown) => {
      // The consumer keeps running, so this is reported for every failing message.
      const text = error instanceof Error ? error.message : String(error);
      onEvent({ type: 'consumer-crashed', groupId: queue, error: `onMessage failed: ${text}` });
      if (!delivery.settled()) delivery.nack(false);
    });
  };

  let consumerTag: string;
  try {
    await channel.prefetch(prefetch);
    ({ consumerTag } = await channel.consume(queue, handle, { noAck: false }));
    started = true;
  } catch (error) {
    // The broker closes the channel on a failed consume (e.g. 404 NOT_FOUND).
    await channel.close().catch(() => undefined);
    throw scrub(error);
  }

  return {
    close(): Promise<void> {
      closing ??= (async (): Promise<void> => {
        // Unacked deliveries go back to the queue when the channel closes; errors mean
        // the channel or its connection is already gone, which is the goal anyway.
        await channel.cancel(consumerTag).catch(() => undefined);
        await channel.close().catch(() => undefined);
      })();
      return closing;
    },
  };
}
