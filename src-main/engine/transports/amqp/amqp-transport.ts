import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';
import type {
  BindingSpec,
  Closable,
  ExchangeDelivery,
  ExchangePublisher,
  ExchangeSpec,
  ExchangeTransport,
  QueuePublisher,
  QueueSpec,
  TransportEventSink,
} from '../transport';
import type { BackoffSettings } from './amqp-backoff';
import { createAmqpConnection } from './amqp-connection';
import { amqpSocketOptions } from './amqp-socket-options';
import { startAmqpConsumer, type AmqpConsumer } from './amqp-consumer';
import { createErrorScrubber, createSecretRedactor } from './amqp-errors';
import { createAmqpExchangePublisher } from './amqp-exchange-publisher';
import { createAmqpQueuePublisher } from './amqp-publisher';
import { checkQueueSpec, declare, TopologyRecord, type Declaration } from './amqp-topology';
import { guardSink } from '../guard-sink';

/** Where RabbitMQ is and where connection events go. */
export interface AmqpTransportOptions {
  /** amqp:// or amqps:// URL; its password never appears in errors or events. */
  url: string;
  /** Explicit credentials (instead of the URL's); the password never appears in errors or events. */
  credentials?: { username: string; password: string };
  /** CA certificates (PEM) to trust for amqps://. */
  ca?: Buffer[];
  onEvent: TransportEventSink;
  /** Bound on TCP connect plus AMQP handshake; default 5 s. */
  connectTimeoutMs?: number;
  /** Reconnect delays after a loss; default 250 ms doubling up to 10 s. */
  backoff?: BackoffSettings;
}

function describe(d: Declaration): string {
  if (d.kind === 'exchange') return `exchange "${d.spec.exchange}"`;
  if (d.kind === 'queue') return `queue "${d.spec.queue}"`;
  return `binding of ${d.spec.destinationType} "${d.spec.destination}" to exchange "${d.spec.exchange}"`;
}

/**
 * Creates an ExchangeTransport on a real RabbitMQ through amqplib: one connection, opened
 * on first use, with a channel per publisher and per consumer so a channel error in one
 * (RabbitMQ closes the channel, not the connection, for most mistakes) cannot stop the
 * others. Errors carry RabbitMQ's message, name the exchange or queue, and never the
 * password. A lost connection is reported as `connection-lost`; the transport reconnects
 * with backoff, declares every exchange, queue and binding it declared before, resumes
 * its consumers and reports `reconnected`. Publishers move to the new connection on
 * their next call (calls made meanwhile wait for it).
 */
export function createAmqpTransport(options: AmqpTransportOptions): ExchangeTransport {
  const onEvent = guardSink(options.onEvent);
  const secrets = options.credentials ? [options.credentials.password] : [];
  const scrub = createErrorScrubber(options.url, secrets);
  // amqplib's reasons ("Unexpected close") do not say which broker; the run log should.
  const where = createSecretRedactor(options.url)(options.url);
  const topology = new TopologyRecord();
  const consumers = new Set<AmqpConsumer>();
  // Failed deliveries per message id, per classic queue with a delivery limit.
  const failures = new Map<string, Map<string, number>>();

  const redeclare = async (model: ChannelModel): Promise<void> => {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      for (const d of topology.all()) await declare(channel, d);
    } finally {
      await channel.close().catch(() => undefined);
    }
  };

  const connection = createAmqpConnection({
    url: options.url,
    socketOptions: amqpSocketOptions(options),
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    scrub,
    backoff: options.backoff,
    onLost: (error) => onEvent({ type: 'connection-lost', error: `Lost ${where}: ${error.message}` }),
    onReconnect: redeclare,
    onReconnected: () => {
      onEvent({ type: 'reconnected' });
      for (const consumer of consumers) void consumer.resume();
    },
  });
  const owned = new Set<Closable>();
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

  /** Declares on the broker, then records it for redeclaring after a reconnect. */
  const declareAndRecord = async (d: Declaration): Promise<void> => {
    const channel = await getDeclareChannel();
    try {
      await declare(channel, d);
    } catch (error) {
      const safe = scrub(error);
      throw Object.assign(new Error(`Declaring ${describe(d)} failed: ${safe.message}`), {
        code: (safe as Error & { code?: unknown }).code,
      });
    }
    topology.add(d);
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

  const newExchangePublisher = async (): Promise<ExchangePublisher> =>
    own(await createAmqpExchangePublisher({ openConfirmChannel, scrub }));

  return {
    transport: 'amqp',

    async ensureExchange(spec: ExchangeSpec): Promise<void> {
      await declareAndRecord({ kind: 'exchange', spec });
    },

    async ensureQueue(spec: QueueSpec): Promise<void> {
      const problem = checkQueueSpec(spec);
      if (problem) throw new Error(problem);
      await declareAndRecord({ kind: 'queue', spec });
    },

    async bind(spec: BindingSpec): Promise<void> {
      await declareAndRecord({ kind: 'binding', spec });
    },

    createExchangePublisher: newExchangePublisher,

    async createPublisher(): Promise<QueuePublisher> {
      const isDurable = (queue: string): boolean => {
        const spec = topology.queue(queue);
        return spec !== undefined && (spec.durable || spec.queueType === 'quorum');
      };
      return createAmqpQueuePublisher(await newExchangePublisher(), isDurable);
    },

    async consume(consumer: {
      queue: string;
      prefetch: number;
      onMessage: (delivery: ExchangeDelivery) => Promise<void>;
    }): Promise<Closable> {
      const spec = topology.queue(consumer.queue);
      const countHere = spec && spec.queueType !== 'quorum' && (spec.maxDeliveries ?? 0) > 0;
      let counts: Map<string, number> | undefined;
      if (countHere) {
        counts = failures.get(consumer.queue) ?? new Map<string, number>();
        failures.set(consumer.queue, counts);
      }
      const started = await startAmqpConsumer(openChannel, onEvent, scrub, {
        ...consumer,
        ...(countHere ? { maxDeliveries: spec.maxDeliveries, failures: counts } : {}),
      });
      consumers.add(started);
      const close = started.close.bind(started);
      started.close = async (): Promise<void> => {
        consumers.delete(started);
        await close();
      };
      return own(started);
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
