import { Kafka, logLevel } from 'kafkajs';
import type { Admin, SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import type {
  Closable,
  PartitionLag,
  TopicMember,
  TopicProducer,
  TopicProducerOptions,
  TopicSpec,
  TopicSubscription,
  TopicTransport,
  TransportEventSink,
} from '../transport';
import { registerCodecs } from './kafka-codecs';
import { createConnectionHealth } from './kafka-connection-health';
import { explainTopicError } from './kafka-errors';
import { fetchKafkaLag } from './kafka-lag';
import { createLogRouter } from './kafka-log';
import { startKafkaMember } from './kafka-member';
import { createKafkaProducer } from './kafka-producer';
import { createTopicIfAbsent } from './kafka-topic-spec';
import { DEFAULT_CONNECTION_TIMEOUT_MS, RETRY } from './kafka-settings';
import { guardSink } from '../guard-sink';

/** Where the cluster is and where connection events go. */
export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  onEvent: TransportEventSink;
  /** Socket connect timeout per attempt (default 1 s); a connect gives up after 5 attempts. */
  connectionTimeoutMs?: number;
  /** TLS to the brokers (kafkajs's `ssl`): true, or tls.connect options (CA, rejectUnauthorized). */
  ssl?: ConnectionOptions | boolean;
  /** SASL authentication (plain, scram-sha-256, scram-sha-512) with its resolved password. */
  sasl?: SASLOptions;
}

/**
 * Creates a TopicTransport on a real Kafka cluster through kafkajs. Nothing connects
 * until the first call; an unreachable cluster makes that call reject within seconds
 * with kafkajs's message ("Connection error: connect ECONNREFUSED host:port"). The
 * transport owns every admin, producer and member it creates, and `close()` disconnects
 * all of them. kafkajs prints nothing: connection failures after the first successful
 * call arrive as `connection-lost` / `reconnected`, member crashes and joins as
 * `consumer-crashed` / `rebalance`. Members are labelled `<groupId>#<n>` in the order this
 * transport started them.
 */
export function createKafkaTransport(options: KafkaTransportOptions): TopicTransport {
  registerCodecs();
  const onEvent = guardSink(options.onEvent);
  const health = createConnectionHealth(onEvent);
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
    ...(options.sasl ? { sasl: options.sasl } : {}),
    connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    retry: RETRY,
    logLevel: logLevel.ERROR,
    logCreator: createLogRouter(health),
  });
  const owned = new Set<Closable>();
  const membersPerGroup = new Map<string, number>();
  let admin: Promise<Admin> | undefined;
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new Error('Kafka transport is closed');
  };

  /** Registers a resource so `close()` reaches it, and forgets it once it closes itself. */
  const own = async <T extends Closable>(resource: T): Promise<T> => {
    if (closed) {
      // close() ran while this resource was connecting; nobody else will close it.
      await resource.close();
      throw new Error('Kafka transport is closed');
    }
    const close = resource.close.bind(resource);
    resource.close = async (): Promise<void> => {
      owned.delete(resource);
      await close();
    };
    owned.add(resource);
    return resource;
  };

  const connectAdmin = (): Promise<Admin> => {
    admin ??= (async (): Promise<Admin> => {
      const client = kafka.admin({ retry: RETRY });
      try {
        await client.connect();
      } catch (error) {
        // Let the next call try again instead of replaying this failure forever.
        admin = undefined;
        await client.disconnect().catch(() => undefined);
        throw error;
      }
      health.markUp();
      return client;
    })();
    return admin;
  };

  return {
    transport: 'kafka',

    async ensureTopic(spec: TopicSpec): Promise<void> {
      assertOpen();
      await createTopicIfAbsent(await connectAdmin(), spec);
      health.markUp();
    },

    async createProducer(producerOptions?: TopicProducerOptions): Promise<TopicProducer> {
      assertOpen();
      return own(await createKafkaProducer(kafka, health, producerOptions));
    },

    async subscribe(subscription: TopicSubscription): Promise<TopicMember> {
      assertOpen();
      const n = (membersPerGroup.get(subscription.groupId) ?? 0) + 1;
      membersPerGroup.set(subscription.groupId, n);
      return own(
        await startKafkaMember(kafka, health, onEvent, subscription, `${subscription.groupId}#${n}`),
      );
    },

    async lag({ topic, groupId }): Promise<PartitionLag[]> {
      assertOpen();
      const rows = await fetchKafkaLag(await connectAdmin(), topic, groupId).catch((error: unknown) => {
        throw explainTopicError(error, topic);
      });
      health.markUp();
      return rows;
    },

    async close(): Promise<void> {
      closed = true;
      const pendingAdmin = admin;
      admin = undefined;
      // A resource whose broker is already gone may fail to disconnect cleanly; it is
      // still released, and one failure must not keep the others open.
      await Promise.allSettled([
        ...[...owned].map((resource) => resource.close()),
        pendingAdmin?.then((client) => client.disconnect()),
      ]);
    },
  };
}
