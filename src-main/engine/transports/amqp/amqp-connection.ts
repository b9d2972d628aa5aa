import { connect } from 'amqplib';
import type { ChannelModel } from 'amqplib';
import type { ErrorScrubber } from './amqp-errors';

/** Settings for the one connection an AMQP transport keeps. */
export interface AmqpConnectionOptions {
  url: string;
  connectTimeoutMs: number;
  scrub: ErrorScrubber;
  /** Called once per connection the broker or the network took away (not on close()). */
  onLost(error: Error): void;
}

/** Owns the transport's single connection. Reconnect with backoff belongs here. */
export interface AmqpConnection {
  /** The open connection; opens one when there is none (after a loss, too). */
  get(): Promise<ChannelModel>;
  /** Closes the connection for good; later `get()` calls reject. */
  close(): Promise<void>;
}

/**
 * Creates the connection holder. Connecting is lazy and shared by concurrent callers; a
 * failed attempt is not cached, so the next call tries again. amqplib's `timeout` covers
 * the TCP connect and the AMQP handshake, so a silent host fails with "connect
 * ETIMEDOUT" instead of hanging, and a refused port fails at once.
 */
export function createAmqpConnection(options: AmqpConnectionOptions): AmqpConnection {
  let current: Promise<ChannelModel> | undefined;
  let closed = false;

  const open = async (): Promise<ChannelModel> => {
    try {
      return await connect(options.url, { timeout: options.connectTimeoutMs });
    } catch (error) {
      throw options.scrub(error);
    }
  };

  const watch = (model: ChannelModel, attempt: Promise<ChannelModel>): void => {
    // amqplib emits 'error' and then 'close' for the same failure; without an 'error'
    // listener the emit would throw and take the process down. 'close' reports it.
    model.on('error', () => undefined);
    model.on('close', (error?: Error) => {
      if (current === attempt) current = undefined;
      if (!closed) options.onLost(options.scrub(error ?? new Error('Connection closed by the broker')));
    });
  };

  return {
    get(): Promise<ChannelModel> {
      if (closed) return Promise.reject(new Error('AMQP transport is closed'));
      if (current) return current;
      const attempt: Promise<ChannelModel> = open().then((model) => {
        watch(model, attempt);
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
      const last = current;
      current = undefined;
      // A connection that failed to open or already died has nothing left to close.
      await last?.then((model) => model.close()).catch(() => undefined);
    },
  };
}
