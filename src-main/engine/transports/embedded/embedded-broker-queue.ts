import type { Closable, ExchangeDelivery, IncomingMessage, QueueSpec } from '../transport';

/** A message as an embedded queue holds it. */
export interface StoredMessage {
  messageId: string;
  headers: Record<string, string>;
  payload: Buffer;
  exchange: string;
  routingKey: string;
  contentType?: string;
  redelivered: boolean;
  /** Failed deliveries (nack/reject with requeue) so far. */
  failures: number;
  expiresAt?: number;
}

/** Why a queue hands a message to its dead-letter exchange (RabbitMQ's x-death reasons). */
export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

interface Consumer {
  prefetch: number;
  unacked: number;
  onMessage: (delivery: ExchangeDelivery) => Promise<void>;
  closed: boolean;
  /** Delivered but not settled; requeued when the consumer closes, as RabbitMQ does. */
  inflight: Map<StoredMessage, () => boolean>;
}

/**
 * One queue with RabbitMQ's semantics for the embedded environment: round-robin among
 * consumers within prefetch, ack/nack/reject with requeue at the head marked redelivered,
 * per-queue message TTL, max length with drop-head / reject-publish / reject-publish-dlx,
 * and a delivery limit after which a message is dead-lettered. Dead-lettering is the
 * owner's job (`deadLetter`), since it routes through exchanges.
 */
export class EmbeddedBrokerQueue {
  private ready: StoredMessage[] = [];
  private consumers: Consumer[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly spec: QueueSpec,
    private readonly deadLetter: (message: StoredMessage, reason: DeathReason, queue: QueueSpec) => void,
  ) {}

  /** Takes a published message; 'rejected' when a full reject-publish queue refuses it. */
  offer(message: StoredMessage): 'queued' | 'rejected' {
    const { maxLength = 0, overflow = 'drop-head', messageTtlMs = 0 } = this.spec;
    if (maxLength > 0 && this.ready.length >= maxLength && overflow !== 'drop-head') {
      if (overflow === 'reject-publish-dlx') this.deadLetter(message, 'maxlen', this.spec);
      return 'rejected';
    }
    this.ready.push({ ...message, ...(messageTtlMs > 0 ? { expiresAt: Date.now() + messageTtlMs } : {}) });
    while (maxLength > 0 && this.ready.length > maxLength) {
      this.deadLetter(this.ready.shift() as StoredMessage, 'maxlen', this.spec);
    }
    this.scheduleExpiry();
    this.dispatch();
    return 'queued';
  }

  subscribe(prefetch: number, onMessage: (delivery: ExchangeDelivery) => Promise<void>): Closable {
    const consumer: Consumer = { prefetch, unacked: 0, onMessage, closed: false, inflight: new Map() };
    this.consumers.push(consumer);
    this.dispatch();
    return {
      close: async (): Promise<void> => {
        consumer.closed = true;
        this.consumers = this.consumers.filter((c) => c !== consumer);
        const unsettled = [...consumer.inflight].reverse();
        for (const [message, settle] of unsettled) {
          if (settle()) this.ready.unshift({ ...message, redelivered: true });
        }
        this.dispatch();
      },
    };
  }

  depth(): number {
    return this.ready.length;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private scheduleExpiry(): void {
    const head = this.ready.find((m) => m.expiresAt !== undefined);
    if (this.timer || head?.expiresAt === undefined || this.closed) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        const now = Date.now();
        const expired = this.ready.filter((m) => m.expiresAt !== undefined && m.expiresAt <= now);
        this.ready = this.ready.filter((m) => !expired.includes(m));
        for (const message of expired) this.deadLetter(message, 'expired', this.spec);
        this.scheduleExpiry();
      },
      Math.max(0, head.expiresAt - Date.now()),
    );
  }

  private failed(message: StoredMessage, requeue: boolean): void {
    const failures = message.failures + 1;
    const limit = this.spec.maxDeliveries ?? 0;
    if (requeue && limit > 0 && failures > limit) {
      // The same reasons RabbitMQ gives: a quorum queue's own limit, or the classic consumer's nack.
      this.deadLetter(message, this.spec.queueType === 'quorum' ? 'delivery_limit' : 'rejected', this.spec);
    } else if (requeue) {
      this.ready.unshift({ ...message, redelivered: true, failures });
    } else {
      this.deadLetter(message, 'rejected', this.spec);
    }
  }

  private dispatch(): void {
    while (this.ready.length > 0 && !this.closed) {
      const ready = this.consumers.filter((c) => !c.closed && c.unacked < c.prefetch);
      if (ready.length === 0) return;
      const consumer = ready[this.next++ % ready.length];
      const stored = this.ready.shift() as StoredMessage;
      consumer.unacked++;
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        consumer.unacked--;
        consumer.inflight.delete(stored);
        setImmediate(() => this.dispatch());
        return true;
      };
      consumer.inflight.set(stored, settle);
      const message: IncomingMessage = {
        destination: this.spec.queue,
        headers: { ...stored.headers },
        payload: stored.payload,
        redelivered: stored.redelivered,
        messageId: stored.messageId,
        exchange: stored.exchange,
        routingKey: stored.routingKey,
        ...(stored.contentType ? { contentType: stored.contentType } : {}),
      };
      const unsettle = (requeue: boolean): void => {
        if (settle()) this.failed(stored, requeue);
      };
      const delivery: ExchangeDelivery = {
        message,
        ack: () => void settle(),
        nack: unsettle,
        reject: unsettle,
      };
      // As the AMQP adapter does: a handler that fails without settling dead-letters the
      // message rather than requeueing it into a tight loop.
      new Promise<void>((resolve) => resolve(consumer.onMessage(delivery))).catch(() => unsettle(false));
    }
  }
}
