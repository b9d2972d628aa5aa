/**
 * In-process fan-out for subscription fields nobody bound to a source: `publish` hands a
 * payload to every current subscriber of the field. Each subscriber has a bounded buffer;
 * when a slow one falls behind, its oldest payloads are dropped and counted, so a stalled
 * WebSocket can never grow memory without limit.
 */
export class FieldChannels {
  private readonly subscribers = new Map<string, Set<Subscriber>>();

  constructor(private readonly bufferLimit = 10_000) {}

  /** Delivers to every subscriber of `field`; returns how many there were. */
  publish(field: string, payload: unknown): number {
    const set = this.subscribers.get(field);
    if (!set) return 0;
    for (const subscriber of set) subscriber.push(payload);
    return set.size;
  }

  subscriberCount(field: string): number {
    return this.subscribers.get(field)?.size ?? 0;
  }

  /** Payloads dropped so far for slow subscribers of `field` (current subscribers only). */
  droppedCount(field: string): number {
    let dropped = 0;
    for (const subscriber of this.subscribers.get(field) ?? []) dropped += subscriber.dropped;
    return dropped;
  }

  /** An iterator of the payloads published from now on; `return()` unsubscribes. */
  subscribe(field: string): AsyncIterableIterator<unknown> {
    let set = this.subscribers.get(field);
    if (!set) this.subscribers.set(field, (set = new Set()));
    const subscriber = new Subscriber(this.bufferLimit, () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(field) === set) this.subscribers.delete(field);
    });
    set.add(subscriber);
    return subscriber;
  }

  /** Ends every subscription (their iterators finish). */
  closeAll(): void {
    for (const set of [...this.subscribers.values()])
      for (const subscriber of [...set]) void subscriber.return();
  }
}

class Subscriber implements AsyncIterableIterator<unknown> {
  dropped = 0;
  private readonly buffer: unknown[] = [];
  private waiting: ((result: IteratorResult<unknown>) => void) | null = null;
  private done = false;

  constructor(
    private readonly limit: number,
    private readonly onEnd: () => void,
  ) {}

  push(payload: unknown): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: payload, done: false });
      return;
    }
    if (this.buffer.length >= this.limit) {
      this.buffer.shift();
      this.dropped++;
    }
    this.buffer.push(payload);
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift(), done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<unknown>> {
    if (!this.done) {
      this.done = true;
      this.buffer.length = 0;
      this.onEnd();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<unknown> {
    return this;
  }
}
