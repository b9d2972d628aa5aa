import type { FlowDocument, FlowNode } from '@shared/flow/document';
import type { BindingSpec, ExchangeSpec, QueueSpec } from '../transports/transport';

/** Every exchange, queue and binding a flow declares on RabbitMQ (or the embedded emulation). */
export interface RabbitTopology {
  exchanges: ExchangeSpec[];
  queues: QueueSpec[];
  bindings: BindingSpec[];
  /** Prefetch per queue name, from the queue node. */
  prefetch: Record<string, number>;
}

type ExchangeNode = FlowNode<'rabbitExchange'>;
type QueueNode = FlowNode<'rabbitQueue'>;

/**
 * Reads the topology from exchange and queue nodes and the edges leaving exchanges (the
 * bindings, as in RabbitMQ). A queue's dead-letter target is looked up by broker name or
 * node name: an exchange becomes its x-dead-letter-exchange (with the queue's dead-letter
 * routing key, when set); a queue is reached through the default exchange with its name
 * as routing key. An unknown target is taken as an exchange name (the lint rule
 * dead-letter-target-missing warns about it).
 */
export function rabbitTopology(flow: FlowDocument): RabbitTopology {
  const exchanges = flow.nodes.filter((n): n is ExchangeNode => n.kind === 'rabbitExchange');
  const queues = flow.nodes.filter((n): n is QueueNode => n.kind === 'rabbitQueue');
  const byId = new Map<string, ExchangeNode | QueueNode>([...exchanges, ...queues].map((n) => [n.id, n]));
  const named = (target: string): ExchangeNode | QueueNode | undefined =>
    [...exchanges, ...queues].find((n) =>
      n.kind === 'rabbitExchange' ? n.config.exchange === target : n.config.queue === target,
    ) ?? [...exchanges, ...queues].find((n) => n.config.name === target);

  const queueSpec = (node: QueueNode): QueueSpec => {
    const c = node.config;
    const spec: QueueSpec = {
      queue: c.queue,
      durable: c.durable || c.queueType === 'quorum',
      queueType: c.queueType,
      messageTtlMs: c.messageTtlMs,
      maxLength: c.maxLength,
      overflow: c.overflow,
      maxDeliveries: c.maxDeliveries,
    };
    const target = c.deadLetter.trim();
    if (target) {
      const found = named(target);
      if (found?.kind === 'rabbitQueue') {
        spec.deadLetterExchange = '';
        spec.deadLetterRoutingKey = found.config.queue;
      } else {
        spec.deadLetterExchange = found?.kind === 'rabbitExchange' ? found.config.exchange : target;
        if (c.deadLetterRoutingKey) spec.deadLetterRoutingKey = c.deadLetterRoutingKey;
      }
    }
    return spec;
  };

  const bindings: BindingSpec[] = [];
  for (const edge of flow.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (source?.kind !== 'rabbitExchange' || !target) continue;
    const binding: BindingSpec = {
      exchange: source.config.exchange,
      destination: target.kind === 'rabbitQueue' ? target.config.queue : target.config.exchange,
      destinationType: target.kind === 'rabbitQueue' ? 'queue' : 'exchange',
    };
    const config = edge.config ?? {};
    if (source.config.type === 'direct') binding.routingKey = config.routingKey ?? '';
    else if (source.config.type === 'topic') binding.routingKey = config.pattern ?? '';
    else if (source.config.type === 'headers') {
      binding.headerMatch = {
        xMatch: config.headerMatch?.xMatch ?? 'all',
        headers: config.headerMatch?.headers ?? {},
      };
    }
    bindings.push(binding);
  }

  return {
    exchanges: exchanges.map((n) => ({
      exchange: n.config.exchange,
      type: n.config.type,
      durable: n.config.durable,
    })),
    queues: queues.map(queueSpec),
    bindings,
    prefetch: Object.fromEntries(queues.map((n) => [n.config.queue, n.config.prefetch])),
  };
}

/** Declares a topology in dependency order: exchanges, queues, then bindings. */
export async function declareTopology(
  transport: {
    ensureExchange(spec: ExchangeSpec): Promise<void>;
    ensureQueue(spec: QueueSpec): Promise<void>;
    bind(spec: BindingSpec): Promise<void>;
  },
  topology: RabbitTopology,
): Promise<void> {
  for (const exchange of topology.exchanges) await transport.ensureExchange(exchange);
  for (const queue of topology.queues) await transport.ensureQueue(queue);
  for (const binding of topology.bindings) await transport.bind(binding);
}
