import { connect } from 'amqplib';
import type { ChannelModel } from 'amqplib';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffSettings } from './amqp-backoff';
import type { ErrorScrubber } from './amqp-errors';

/** Settings for the one connection an AMQP transport keeps. */
export interface AmqpConnectionOptions {
  url: string;
  /** Extra amqplib socket options (credentials, CA certificates); `timeout` is set from connectTimeoutMs. */
  socketOptions?: Record<string, unknown>;
  connectTimeoutMs: number;
  scrub: ErrorScrubber;
  backoff?: BackoffSettings;
  /** Called once per connection the broker or the network took away (not on close()). */
  onLost(error: Error): void;
  /**
   * Prepares a connection made after a loss before anyone else gets it (the transport
   * declares its topology again here). A rejection counts as a failed attempt.
   */
  onReconnect(model: ChannelModel): Promise<void>;
  /** Called when a connection after a loss is ready for use. */
  onReconnected(): void;
}

/** Owns the transport's single connection and brings it back after a loss. */
export interface AmqpConnection {
  /**
   * The open connection. Opens the first one on demand (a failure is the caller's, not
   * retried); after a loss it waits for the reconnect loop to succeed.
   */
  get(): Promise<ChannelModel>;
  /** Closes the connection for good, stops reconnecting; later `get()` calls reject. */
  close(): Promise<void>;
}

/**
 * Creates the connection holder. amqplib's `timeout` covers the TCP connect and the AMQP
 * handshake, so a silent host fails with "connect ETIMEDOUT" instead of hanging. After a
 * loss it retries with exponential backoff (capped at `backoff.maxMs`) until it succeeds
 * or the holder is closed; callers of `get()` meanwhile wait.
 */
export function createAmqpConnection(options: AmqpConnectionOptions): AmqpConnection {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let current: Promise<ChannelModel> | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let waiters: Array<{ resolve: (model: ChannelModel) => void; reject: (error: Error) => void }> | undefined;

  const open = async (): Promise<ChannelModel> => {
    try {
      return await connect(options.url, { ...options.socketOptions, timeout: options.connectTimeoutMs });
    } catch (error) {
      throw options.scrub(error);
    }
  };

  /** Watches a live connection; returns a probe saying whether it has closed since. */
  const watch = (model: ChannelModel): (() => boolean) => {
    let dead = false;
    // amqplib emits 'error' and then 'close' for the same failure; without an 'error'
    // listener the emit would throw and take the process down. 'close' reports it.
    model.on('error', () => undefined);
    model.on('close', (error?: Error) => {
      dead = true;
      if (closed || waiters) return;
      current = undefined;
      options.onLost(options.scrub(error ?? new Error('Connection closed by the broker')));
      reconnect(0);
    });
    return () => dead;
  };

  const reconnect = (attempt: number): void => {
    waiters ??= [];
    timer = setTimeout(
      () => {
        timer = undefined;
        void (async (): Promise<void> => {
          let model: ChannelModel | undefined;
          try {
            model = await open();
            const isDead = watch(model);
            await options.onReconnect(model);
            if (isDead()) throw new Error('lost again while declaring');
          } catch {
            await model?.close().catch(() => undefined);
            if (!closed) reconnect(attempt + 1);
            return;
          }
          if (closed) {
            await model.close().catch(() => undefined);
            return;
          }
          current = Promise.resolve(model);
          const waiting = waiters ?? [];
          waiters = undefined;
          for (const waiter of waiting) waiter.resolve(model);
          options.onReconnected();
        })();
      },
      backoffDelay(attempt, backoff),
    );
  };

  return {
    get(): Promise<ChannelModel> {
      if (closed) return Promise.reject(new Error('AMQP transport is closed'));
      if (current) return current;
      if (waiters) {
        const list = waiters;
        return new Promise((resolve, reject) => list.push({ resolve, reject }));
      }
      const attempt: Promise<ChannelModel> = open().then((model) => {
        watch(model);
        return model;
      });
      attempt.catch(() => {
        if (current === attempt) current = undefined;
      });
      current = attempt;
      return attempt;
    },
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const waiter of waiters ?? []) waiter.reject(new Error('AMQP transport is closed'));
      waiters = undefined;
      const last = current;
      current = undefined;
      // A connection that failed to open or already died has nothing left to close.
      await last?.then((model) => model.close()).catch(() => undefined);
    },
  };
}
