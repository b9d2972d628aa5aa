import type { Channel } from 'amqplib';
import type { BindingSpec, ExchangeSpec, QueueSpec } from '../transport';

/** RabbitMQ's optional queue arguments (x-…) for a queue spec; only what is set. */
export function queueArguments(spec: QueueSpec): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  const quorum = spec.queueType === 'quorum';
  if (quorum) args['x-queue-type'] = 'quorum';
  if (spec.messageTtlMs && spec.messageTtlMs > 0) args['x-message-ttl'] = spec.messageTtlMs;
  if (spec.maxLength && spec.maxLength > 0) {
    args['x-max-length'] = spec.maxLength;
    if (spec.overflow && spec.overflow !== 'drop-head') args['x-overflow'] = spec.overflow;
  }
  if (
    spec.deadLetterExchange !== undefined &&
    (spec.deadLetterExchange !== '' || spec.deadLetterRoutingKey)
  ) {
    args['x-dead-letter-exchange'] = spec.deadLetterExchange;
    if (spec.deadLetterRoutingKey) args['x-dead-letter-routing-key'] = spec.deadLetterRoutingKey;
  }
  // Classic queues have no delivery limit of their own; the consumer counts (see amqp-consumer).
  if (quorum && spec.maxDeliveries && spec.maxDeliveries > 0) args['x-delivery-limit'] = spec.maxDeliveries;
  return args;
}

/** Problems RabbitMQ would only report as a closed channel, caught before anything is sent. */
export function checkQueueSpec(spec: QueueSpec): string | undefined {
  if (spec.queueType === 'quorum' && !spec.durable)
    return `Queue "${spec.queue}": quorum queues must be durable`;
  if (spec.queueType === 'quorum' && spec.overflow === 'reject-publish-dlx')
    return `Queue "${spec.queue}": quorum queues do not support overflow reject-publish-dlx`;
  return undefined;
}

/** Binding arguments: a headers binding's match table with its x-match. */
export function bindingArguments(spec: BindingSpec): Record<string, string> | undefined {
  if (!spec.headerMatch) return undefined;
  return { 'x-match': spec.headerMatch.xMatch, ...spec.headerMatch.headers };
}

type Declaration =
  | { kind: 'exchange'; spec: ExchangeSpec }
  | { kind: 'queue'; spec: QueueSpec }
  | { kind: 'binding'; spec: BindingSpec };

function identity(d: Declaration): string {
  if (d.kind === 'binding') {
    const s = d.spec;
    return `binding:${s.exchange}>${s.destinationType}:${s.destination}:${s.routingKey ?? ''}:${JSON.stringify(bindingArguments(s) ?? {})}`;
  }
  return d.kind === 'exchange' ? `exchange:${d.spec.exchange}` : `queue:${d.spec.queue}`;
}

/** Sends one declaration on `channel`. */
export async function declare(channel: Channel, d: Declaration): Promise<void> {
  if (d.kind === 'exchange') {
    await channel.assertExchange(d.spec.exchange, d.spec.type, { durable: d.spec.durable });
  } else if (d.kind === 'queue') {
    const quorum = d.spec.queueType === 'quorum';
    await channel.assertQueue(d.spec.queue, {
      durable: quorum || d.spec.durable,
      arguments: queueArguments(d.spec),
    });
  } else {
    const s = d.spec;
    const bind =
      s.destinationType === 'queue' ? channel.bindQueue.bind(channel) : channel.bindExchange.bind(channel);
    await bind(s.destination, s.exchange, s.routingKey ?? '', bindingArguments(s));
  }
}

/**
 * Everything a transport declared, in declaration order, so a new connection can declare
 * it all again (exchanges and non-durable queues vanish with a broker restart; durable
 * ones are redeclared harmlessly). Redeclaring the same name replaces the earlier entry.
 */
export class TopologyRecord {
  private readonly entries = new Map<string, Declaration>();

  add(d: Declaration): void {
    const id = identity(d);
    this.entries.delete(id);
    this.entries.set(id, d);
  }

  queue(name: string): QueueSpec | undefined {
    const d = this.entries.get(`queue:${name}`);
    return d?.kind === 'queue' ? d.spec : undefined;
  }

  /** Exchanges first, then queues, then bindings, so every binding finds both ends. */
  all(): Declaration[] {
    const rank = { exchange: 0, queue: 1, binding: 2 } as const;
    return [...this.entries.values()].sort((a, b) => rank[a.kind] - rank[b.kind]);
  }
}

export type { Declaration };
