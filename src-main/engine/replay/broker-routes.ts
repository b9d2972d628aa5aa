import type { ReplayConnections } from './replay-connections';
import { allFailed, type ReplayOutcome, type ReplayRoute } from './replay-route';

/** A Kafka topic: each batch is one produce request (acks all). */
export function kafkaRoute(conn: ReplayConnections, topic: string, nodeId: string): ReplayRoute {
  return {
    key: `kafka:${topic}`,
    transport: 'kafka',
    destination: topic,
    label: `kafka topic ${topic}`,
    nodeId,
    kind: 'produce',
    async send(items, headersOf) {
      try {
        const producer = await conn.kafkaProducer();
        const receipts = await producer.send(
          topic,
          items.map((it, i) => ({ key: it.key ?? undefined, headers: headersOf(i), payload: it.payload })),
        );
        return receipts.map((r): ReplayOutcome =>
          r.error
            ? { ok: false, failure: 'error', error: r.error }
            : { ok: true, partition: r.partition, offset: r.offset },
        );
      } catch (err) {
        return allFailed(items.length, err);
      }
    },
  };
}

/**
 * A RabbitMQ exchange (routing key fixed, or each message's key) or a queue (through the
 * default exchange). Mandatory publishes, confirmed together per batch: a message no binding
 * takes comes back as 'unroutable'.
 */
export function amqpRoute(
  conn: ReplayConnections,
  to: { exchange: string; routingKey?: string } | { queue: string },
  nodeId: string,
): ReplayRoute {
  const exchange = 'queue' in to ? '' : to.exchange;
  const fixedKey = 'queue' in to ? to.queue : to.routingKey;
  const name = 'queue' in to ? to.queue : to.exchange;
  const label =
    'queue' in to
      ? `amqp queue ${to.queue}`
      : `amqp exchange ${to.exchange} (${to.routingKey === undefined ? 'key: each message key' : `key "${to.routingKey}"`})`;
  return {
    key: `amqp:${exchange}:${name}:${fixedKey ?? '\u0000'}`,
    transport: 'amqp',
    destination: name,
    label,
    nodeId,
    kind: 'produce',
    async send(items, headersOf) {
      try {
        const publisher = await conn.amqpPublisher();
        const outcomes = await publisher.publishTo(
          exchange,
          items.map((it, i) => ({
            key: it.key ?? undefined,
            headers: headersOf(i),
            payload: it.payload,
            routingKey: fixedKey ?? it.key ?? '',
          })),
          { mandatory: true, persistent: true },
        );
        return outcomes.map((o): ReplayOutcome =>
          o.status === 'confirmed'
            ? { ok: true }
            : { ok: false, failure: o.status === 'unroutable' ? 'unroutable' : 'error', error: o.error },
        );
      } catch (err) {
        return allFailed(items.length, err);
      }
    },
  };
}
