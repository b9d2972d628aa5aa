import type { Channel, ConfirmChannel } from 'amqplib';
import type {
  Closable,
  QueueDelivery,
  QueuePublisher,
  QueueTransport,
  TransportEventSink,
} from '../transport';
import { createAmqpConnection } from './amqp-connection';
import { startAmqpConsumer } from './amqp-consumer';
import { createErrorScrubber, createSecretRedactor } from './amqp-errors';
import { createAmqpPublisher } from './amqp-publisher';
import { guardSink } from '../guard-sink';

/** Where RabbitMQ is and where connection events go. */
export interface AmqpTransportOptions {
  /** amqp:// or amqps:// URL; its password never appears in errors or events. */
  url: string;
  onEvent: TransportEventSink;
  /** Bound on TCP connect plus AMQP handshake; default 5 s. */
  connectTimeoutMs?: number;
}

/**
 * Creates a QueueTransport on a real RabbitMQ through amqplib: one connection, opened on
 * first use, with a channel per publisher and per consumer so a channel error in one
 * (RabbitMQ closes the channel, not the connection, for most mistakes) cannot stop the
 * others. Errors carry amqplib's or RabbitMQ's message with the password redacted. A
 * connection lost while open is reported as `connection-lost`, and each consumer that
 * stopped with it as `consumer-crashed`. The next call opens a new connection: publishers
 * move to it on their next publish, consumers are not brought back (yet).
 */
export function createAmqpTransport(options: AmqpTransportOptions): QueueTransport {
  const onEvent = guardSink(options.onEvent);
  const scrub = createErrorScrubber(options.url);
  // amqplib's reasons ("Unexpected close") do not say which broker; the run log should.
  const where = createSecretRedactor(options.url)(options.url);
  const connection = createAmqpConnection({
    url: options.url,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    scrub,
    onLost: (error) => onEvent({ type: 'connection-lost', error: `Lost ${where}: ${error.message}` }),
  });
  const owned = new Set<Closable>();
  // Queues this transport declared durable: their messages are published persistent.
  const durableQueues = new Set<string>();
  // The channel for declarations. A failed assert (PRECONDITION_FAILED) closes it, so it is
  // dropped on 'close' and the next declaration opens a fresh one.
  let declareChannel: Promise<Channel> | undefined;
  let closed = false;

  const openChannel = async (): Promise<Channel> => {
    const model = await connection.get();
    return model.createChannel().catch((error: unknown) => Promise.reject(scrub(error)));
  };
  const openConfirmChannel = async (): Promise<ConfirmChannel> => {
    const model = await connection.get();
    return model.createConfirmChannel().catch((error: unknown) => Promise.reject(scrub(error)));
  };

  const getDeclareChannel = (): Promise<Channel> => {
    if (declareChannel) return declareChannel;
    const opening = openChannel().then((channel) => {
      // The failed declaration itself rejects with the broker's reason.
      channel.on('error', () => undefined);
      channel.on('close', () => {
        if (declareChannel === opening) declareChannel = undefined;
      });
      return channel;
    });
    opening.catch(() => {
      if (declareChannel === opening) declareChannel = undefined;
    });
    declareChannel = opening;
    return opening;
  };

  /** Registers a resource so `close()` reaches it, and forgets it once it closes itself. */
  const own = async <T extends Closable>(resource: T): Promise<T> => {
    if (closed) {
      await resource.close();
      throw new Error('AMQP transport is closed');
    }
    const close = resource.close.bind(resource);
    resource.close = async (): Promise<void> => {
      owned.delete(resource);
      await close();
    };
    owned.add(resource);
    return resource;
  };

  return {
    transport: 'amqp',

    async ensureQueue({ queue, durable }): Promise<void> {
      const channel = await getDeclareChannel();
      try {
        await channel.assertQueue(queue, { durable });
      } catch (error) {
        throw scrub(error);
      }
      if (durable) durableQueues.add(queue);
      else durableQueues.delete(queue);
    },

    async createPublisher(): Promise<QueuePublisher> {
      const isDurable = (queue: string): boolean => durableQueues.has(queue);
      return own(await createAmqpPublisher({ openConfirmChannel, isDurable, scrub }));
    },

    async consume(consumer: {
      queue: string;
      prefetch: number;
      onMessage: (delivery: QueueDelivery) => Promise<void>;
    }): Promise<Closable> {
      return own(await startAmqpConsumer(openChannel, onEvent, scrub, consumer));
    },

    async close(): Promise<void> {
      closed = true;
      // Each of these tolerates an already-dead channel, so one cannot block the others.
      await Promise.allSettled([...owned].map((resource) => resource.close()));
      declareChannel = undefined;
      await connection.close();
    },
  };
}
