import type { Closable } from '../../transports/transport';

/**
 * One client (a Kafka producer, an AMQP publisher) shared by every node of a run that sends
 * through it: created on first use, closed once with the run. A failed creation is retried
 * on the next use, so a broker that comes back is picked up.
 */
export class SharedClient<T extends Closable> {
  private pending: Promise<T> | null = null;

  constructor(private readonly create: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.pending) {
      this.pending = this.create();
      this.pending.catch(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  async close(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (p) await (await p.catch(() => null))?.close();
  }
}
