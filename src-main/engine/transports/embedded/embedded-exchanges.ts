import { randomUUID } from 'node:crypto';
import type {
  BindingSpec,
  Closable,
  ExchangeMessage,
  ExchangeSpec,
  ExchangeTransport,
  PublishOptions,
  PublishOutcome,
  QueueSpec,
} from '../transport';
import { describeTarget } from '../amqp/amqp-exchange-publisher';
import { createAmqpQueuePublisher } from '../amqp/amqp-publisher';
import { EmbeddedBrokerQueue, type DeathReason, type StoredMessage } from './embedded-broker-queue';
import { addDeath, bindingTakes } from './exchange-routing';

interface Exchange {
  spec: ExchangeSpec;
  bindings: BindingSpec[];
}

/**
 * The embedded environment's RabbitMQ: exchanges of the four types with their bindings
 * (routing key, topic pattern, header match, exchange to exchange), the default exchange
 * that routes to a queue by name, and queues with TTL, max length and overflow,
 * dead-lettering with x-death and delivery limits (see EmbeddedBrokerQueue). Publish
 * outcomes, error texts and declaration conflicts read as the AMQP adapter's do, so a
 * flow behaves the same on Embedded and on a real broker.
 */
export function createEmbeddedExchanges(): ExchangeTransport {
  const exchanges = new Map<string, Exchange>();
  const queues = new Map<string, EmbeddedBrokerQueue>();
  let closed = false;

  /** The queues a message reaches from `exchange`, following exchange-to-exchange bindings once each. */
  const route = (
    exchange: string,
    routingKey: string,
    headers: Record<string, string>,
    seen = new Set<string>(),
  ): Set<string> => {
    const found = new Set<string>();
    if (exchange === '') {
      if (queues.has(routingKey)) found.add(routingKey);
      return found;
    }
    const x = exchanges.get(exchange);
    if (!x || seen.has(exchange)) return found;
    seen.add(exchange);
    for (const binding of x.bindings) {
      if (!bindingTakes(x.spec.type, binding, routingKey, headers)) continue;
      if (binding.destinationType === 'queue') found.add(binding.destination);
      else for (const queue of route(binding.destination, routingKey, headers, seen)) found.add(queue);
    }
    return found;
  };

  const deadLetter = (message: StoredMessage, reason: DeathReason, from: QueueSpec): void => {
    if (from.deadLetterExchange === undefined || closed) return;
    const routingKey = from.deadLetterRoutingKey || message.routingKey;
    const headers = {
      ...message.headers,
      'x-death': addDeath(message.headers['x-death'], {
        reason,
        queue: from.queue,
        exchange: message.exchange,
        routingKey: message.routingKey,
      }),
    };
    // As in RabbitMQ, a dead letter nobody takes is dropped.
    for (const name of route(from.deadLetterExchange, routingKey, headers)) {
      if (name === from.queue && reason !== 'expired') continue;
      queues.get(name)?.offer({
        ...message,
        headers,
        exchange: from.deadLetterExchange,
        routingKey,
        redelivered: false,
        failures: 0,
      });
    }
  };

  const conflict = (what: string, name: string, arg: string): Error =>
    new Error(`PRECONDITION_FAILED - inequivalent arg '${arg}' for ${what} '${name}' in vhost '/'`);

  const publishTo = async (
    exchange: string,
    messages: ExchangeMessage[],
    options: PublishOptions = {},
  ): Promise<PublishOutcome[]> => {
    if (closed) throw new Error('the embedded broker is closed');
    return messages.map((message): PublishOutcome => {
      const messageId = message.messageId ?? randomUUID();
      const target = describeTarget(exchange, message.routingKey);
      if (exchange !== '' && !exchanges.has(exchange)) {
        return {
          messageId,
          status: 'failed',
          error: `Publishing to ${target} failed: NOT_FOUND - no exchange '${exchange}' in vhost '/'`,
        };
      }
      const names = route(exchange, message.routingKey, message.headers);
      if (names.size === 0) {
        if (options.mandatory ?? true) {
          return {
            messageId,
            status: 'unroutable',
            error: `No queue is bound to ${target} for routing key "${message.routingKey}"`,
          };
        }
        return { messageId, status: 'confirmed' };
      }
      const stored: StoredMessage = {
        messageId,
        headers: { ...message.headers },
        payload: message.payload,
        exchange,
        routingKey: message.routingKey,
        ...(message.contentType ? { contentType: message.contentType } : {}),
        redelivered: false,
        failures: 0,
      };
      const results = [...names].map((name) => queues.get(name)?.offer(stored));
      if (results.includes('rejected'))
        return { messageId, status: 'nacked', error: `RabbitMQ nacked the message to ${target}` };
      return { messageId, status: 'confirmed' };
    });
  };

  const publisher = { publishTo, close: async (): Promise<void> => undefined };

  return {
    transport: 'embedded',

    async ensureExchange(spec: ExchangeSpec): Promise<void> {
      const existing = exchanges.get(spec.exchange);
      if (existing && existing.spec.type !== spec.type) throw conflict('exchange', spec.exchange, 'type');
      if (existing && existing.spec.durable !== spec.durable)
        throw conflict('exchange', spec.exchange, 'durable');
      if (!existing) exchanges.set(spec.exchange, { spec, bindings: [] });
    },

    async ensureQueue(spec: QueueSpec): Promise<void> {
      const existing = queues.get(spec.queue);
      if (existing && existing.spec.durable !== spec.durable) throw conflict('queue', spec.queue, 'durable');
      if (existing && (existing.spec.queueType ?? 'classic') !== (spec.queueType ?? 'classic')) {
        throw conflict('queue', spec.queue, 'x-queue-type');
      }
      if (spec.queueType === 'quorum' && !spec.durable)
        throw new Error(`Queue "${spec.queue}": quorum queues must be durable`);
      if (!existing) queues.set(spec.queue, new EmbeddedBrokerQueue(spec, deadLetter));
    },

    async bind(spec: BindingSpec): Promise<void> {
      const x = exchanges.get(spec.exchange);
      if (!x) throw new Error(`NOT_FOUND - no exchange '${spec.exchange}' in vhost '/'`);
      const known =
        spec.destinationType === 'queue' ? queues.has(spec.destination) : exchanges.has(spec.destination);
      if (!known)
        throw new Error(`NOT_FOUND - no ${spec.destinationType} '${spec.destination}' in vhost '/'`);
      const same = JSON.stringify(spec);
      if (!x.bindings.some((b) => JSON.stringify(b) === same)) x.bindings.push(spec);
    },

    async createExchangePublisher() {
      if (closed) throw new Error('the embedded broker is closed');
      return publisher;
    },

    async createPublisher() {
      return createAmqpQueuePublisher(publisher, (queue) => queues.get(queue)?.spec.durable ?? false);
    },

    async consume({ queue, prefetch, onMessage }): Promise<Closable> {
      const q = queues.get(queue);
      if (!q) throw new Error(`NOT_FOUND - no queue '${queue}' in vhost '/'`);
      return q.subscribe(prefetch, onMessage);
    },

    async close(): Promise<void> {
      closed = true;
      for (const q of queues.values()) q.close();
      queues.clear();
      exchanges.clear();
    },
  };
}
