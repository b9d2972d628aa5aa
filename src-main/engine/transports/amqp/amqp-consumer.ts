import type { Channel, ConsumeMessage } from 'amqplib';
import type { Closable, ExchangeDelivery, TransportEventSink } from '../transport';
import type { ErrorScrubber } from './amqp-errors';
import { toIncomingMessage } from './amqp-message';

/** What one competing consumer reads and where its deliveries go. */
export interface AmqpConsumerOptions {
  queue: string;
  prefetch: number;
  onMessage: (delivery: ExchangeDelivery) => Promise<void>;
  /**
   * Classic queues only: failed deliveries (nack/reject with requeue) after which the
   * consumer settles without requeue instead, so the message is dead-lettered. 0 = none.
   */
  maxDeliveries?: number;
  /** Failed deliveries so far by message id, shared by the queue's consumers. */
  failures?: Map<string, number>;
}

/** A consumer the transport can bring back on a new connection. */
export interface AmqpConsumer extends Closable {
  /** Starts consuming again on a fresh channel (after a reconnect). */
  resume(): Promise<void>;
}

/**
 * Wraps one delivery so it is settled at most once. A second ack/nack of the same
 * delivery tag is a protocol error that makes RabbitMQ close the whole channel, and an
 * ack after the channel closed throws; in that case the broker has already requeued the
 * message, so there is nothing left to settle.
 */
function createDelivery(
  channel: Channel,
  options: AmqpConsumerOptions,
  raw: ConsumeMessage,
): ExchangeDelivery & { settled(): boolean } {
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
  const message = toIncomingMessage(options.queue, raw);
  // Classic queues keep no delivery count; count failures here and stop requeueing at the limit.
  const requeueAllowed = (requeue: boolean): boolean => {
    const id = message.messageId;
    const { maxDeliveries, failures } = options;
    if (!requeue || !maxDeliveries || !failures || id === undefined) return requeue;
    const failed = (failures.get(id) ?? 0) + 1;
    if (failed > maxDeliveries) {
      failures.delete(id);
      return false;
    }
    failures.set(id, failed);
    return true;
  };
  const forget = (): void => {
    if (message.messageId !== undefined) options.failures?.delete(message.messageId);
  };
  return {
    message,
    ack: () =>
      settle(() => {
        forget();
        channel.ack(raw);
      }),
    nack: (requeue) => settle(() => channel.nack(raw, false, requeueAllowed(requeue))),
    reject: (requeue) => settle(() => channel.reject(raw, requeueAllowed(requeue))),
    settled: () => settled,
  };
}

/**
 * Starts one competing consumer on its own channel with manual acks and `prefetch`
 * unacknowledged deliveries at most, handled concurrently. If `onMessage` rejects without
 * settling its delivery, the failure is reported as `consumer-crashed` (with the queue as
 * groupId) and the delivery is nacked without requeue (dead-lettered when the queue has a
 * DLX): requeueing would hand the same failing message straight back in a tight loop.
 * A channel error (queue deleted, …) stops the consumer and is reported; a channel that
 * went down with its connection waits for `resume()`.
 */
export async function startAmqpConsumer(
  openChannel: () => Promise<Channel>,
  onEvent: TransportEventSink,
  scrub: ErrorScrubber,
  options: AmqpConsumerOptions,
): Promise<AmqpConsumer> {
  const { queue, prefetch, onMessage } = options;
  let closing: Promise<void> | undefined;
  let stopped = false;
  let current: { channel: Channel; consumerTag: string } | undefined;

  const crashed = (error: string): void => {
    if (stopped) return;
    stopped = true;
    onEvent({ type: 'consumer-crashed', groupId: queue, error });
  };

  const start = async (): Promise<void> => {
    const channel = await openChannel();
    let started = false;
    // A channel-level error (an ack for an unknown tag, a deleted queue) ends this consumer
    // but not the connection. Before the consumer started, the rejected call reports it.
    channel.on('error', (error: unknown) => {
      if (started && !closing) crashed(`Queue "${queue}": ${scrub(error).message}`);
    });
    const handle = (raw: ConsumeMessage | null): void => {
      if (raw === null) {
        crashed(`RabbitMQ cancelled the consumer (queue "${queue}" deleted?)`);
        return;
      }
      const delivery = createDelivery(channel, options, raw);
      // Through a promise so a handler that throws synchronously is caught too: this runs
      // inside amqplib's frame handling, where an exception would kill the connection.
      new Promise<void>((resolve) => resolve(onMessage(delivery))).catch((error: unknown) => {
        // The consumer keeps running, so this is reported for every failing message.
        const text = error instanceof Error ? error.message : String(error);
        onEvent({ type: 'consumer-crashed', groupId: queue, error: `onMessage failed: ${text}` });
        if (!delivery.settled()) delivery.nack(false);
      });
    };
    try {
      await channel.prefetch(prefetch);
      const { consumerTag } = await channel.consume(queue, handle, { noAck: false });
      current = { channel, consumerTag };
      started = true;
    } catch (error) {
      // The broker closes the channel on a failed consume (e.g. 404 NOT_FOUND).
      await channel.close().catch(() => undefined);
      throw scrub(error);
    }
  };

  await start();

  return {
    async resume(): Promise<void> {
      if (stopped || closing) return;
      try {
        await start();
      } catch (error) {
        crashed(`Could not resume the consumer of "${queue}": ${scrub(error).message}`);
      }
    },
    close(): Promise<void> {
      closing ??= (async (): Promise<void> => {
        const last = current;
        current = undefined;
        if (!last) return;
        // Unacked deliveries go back to the queue when the channel closes; errors mean
        // the channel or its connection is already gone, which is the goal anyway.
        await last.channel.cancel(last.consumerTag).catch(() => undefined);
        await last.channel.close().catch(() => undefined);
      })();
      return closing;
    },
  };
}
