import type { IncomingMessage, OutgoingMessage, QueueDelivery, QueueTransport } from '../transport';

interface QueuedMessage {
  headers: Record<string, string>;
  payload: Buffer;
  redelivered: boolean;
}

interface Consumer {
  prefetch: number;
  unacked: number;
  onMessage: (delivery: QueueDelivery) => Promise<void>;
  closed: boolean;
  /** Delivered but not yet settled; requeued when the consumer closes, as RabbitMQ does. */
  inflight: Map<QueuedMessage, () => boolean>;
}

interface Queue {
  ready: QueuedMessage[];
  consumers: Consumer[];
  next: number;
}

/**
 * In-process queues with RabbitMQ's point-to-point semantics: each message goes to one
 * consumer (round robin), at most `prefetch` unacked per consumer, ack removes, nack with
 * requeue puts the message back at the head marked redelivered, nack without requeue drops.
 */
export function createEmbeddedQueues(): QueueTransport {
  const queues = new Map<string, Queue>();
  let closed = false;

  function queueOrThrow(name: string): Queue {
    const q = queues.get(name);
    if (!q) throw new Error(`NOT_FOUND - no queue '${name}'`);
    return q;
  }

  function dispatch(name: string, q: Queue): void {
    while (q.ready.length > 0 && !closed) {
      const ready = q.consumers.filter((c) => !c.closed && c.unacked < c.prefetch);
      if (ready.length === 0) return;
      const consumer = ready[q.next++ % ready.length];
      const msg = q.ready.shift() as QueuedMessage;
      consumer.unacked++;
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        consumer.unacked--;
        consumer.inflight.delete(msg);
        setImmediate(() => dispatch(name, q));
        return true;
      };
      consumer.inflight.set(msg, settle);
      const message: IncomingMessage = {
        destination: name,
        headers: { ...msg.headers },
        payload: msg.payload,
        redelivered: msg.redelivered,
      };
      const delivery: QueueDelivery = {
        message,
        ack: () => void settle(),
        nack: (requeue) => {
          if (settle() && requeue) q.ready.unshift({ ...msg, redelivered: true });
        },
      };
      void consumer.onMessage(delivery).catch(() => {
        // The actor settles (nack) itself on failure; nothing more to do here.
      });
    }
  }

  return {
    transport: 'embedded',
    async ensureQueue({ queue }) {
      if (!queues.has(queue)) queues.set(queue, { ready: [], consumers: [], next: 0 });
    },
    async createPublisher() {
      return {
        async publish(queue: string, messages: OutgoingMessage[]) {
          if (closed) throw new Error('the embedded broker is closed');
          const q = queueOrThrow(queue);
          for (const m of messages)
            q.ready.push({ headers: { ...m.headers }, payload: m.payload, redelivered: false });
          dispatch(queue, q);
        },
        async close() {},
      };
    },
    async consume({ queue, prefetch, onMessage }) {
      const q = queueOrThrow(queue);
      const consumer: Consumer = { prefetch, unacked: 0, onMessage, closed: false, inflight: new Map() };
      q.consumers.push(consumer);
      dispatch(queue, q);
      return {
        async close() {
          consumer.closed = true;
          q.consumers = q.consumers.filter((c) => c !== consumer);
          const unsettled = [...consumer.inflight].reverse();
          for (const [msg, settle] of unsettled) if (settle()) q.ready.unshift({ ...msg, redelivered: true });
        },
      };
    },
    async close() {
      closed = true;
      queues.clear();
    },
  };
}
