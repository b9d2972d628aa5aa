import { randomUUID } from 'node:crypto';
import type { ConfirmChannel } from 'amqplib';
import type { ExchangeMessage, ExchangePublisher, PublishOptions, PublishOutcome } from '../transport';
import type { ErrorScrubber } from './amqp-errors';

/** What a publisher needs from its transport. */
export interface AmqpExchangePublisherDeps {
  /** Opens a confirm channel on the transport's current connection (errors scrubbed). */
  openConfirmChannel(): Promise<ConfirmChannel>;
  scrub: ErrorScrubber;
}

/** How a run log should name where a message went. */
export function describeTarget(exchange: string, routingKey: string): string {
  return exchange === '' ? `queue "${routingKey}" (default exchange)` : `exchange "${exchange}"`;
}

interface LiveChannel {
  channel: ConfirmChannel;
  /** Why the broker closed it, once it has. */
  closedBy?: string;
}

function drained(channel: ConfirmChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      channel.off('close', onClose);
      resolve();
    };
    const onClose = (): void => {
      channel.off('drain', onDrain);
      reject(new Error('Channel closed while waiting for the socket to drain'));
    };
    channel.once('drain', onDrain);
    channel.once('close', onClose);
  });
}

/**
 * Creates a publisher on its own confirm channel. A batch is written back to back and
 * then confirmed together (never one awaited confirm per message). Each message's fate
 * comes back as an outcome: confirmed, unroutable (mandatory and returned by the broker),
 * nacked, or failed (the channel closed first; the error names the exchange and quotes
 * the broker). A channel the broker closed is replaced on the next call, so a publish to
 * a missing exchange affects only its own batch, not the connection or other publishers.
 */
export async function createAmqpExchangePublisher(
  deps: AmqpExchangePublisherDeps,
): Promise<ExchangePublisher> {
  // Ids of messages the broker returned as unroutable; each batch takes its own out.
  const returned = new Set<string>();
  let live: Promise<LiveChannel> | undefined;
  let closed = false;

  const getChannel = (): Promise<LiveChannel> => {
    if (live) return live;
    const opening = deps.openConfirmChannel().then((channel) => {
      const entry: LiveChannel = { channel };
      channel.on('error', (error: unknown) => {
        entry.closedBy = deps.scrub(error).message;
      });
      channel.on('close', () => {
        if (live === opening) live = undefined;
      });
      channel.on('return', (message) => {
        const id: unknown = message.properties.messageId;
        if (typeof id === 'string') returned.add(id);
      });
      return entry;
    });
    opening.catch(() => {
      if (live === opening) live = undefined;
    });
    live = opening;
    return opening;
  };
  await getChannel();

  return {
    async publishTo(
      exchange: string,
      messages: ExchangeMessage[],
      options: PublishOptions = {},
    ): Promise<PublishOutcome[]> {
      if (closed) throw new Error('AMQP publisher is closed');
      if (messages.length === 0) return [];
      const ids = messages.map((message) => message.messageId ?? randomUUID());
      const target = (i: number): string => describeTarget(exchange, messages[i].routingKey);
      let entry: LiveChannel;
      try {
        entry = await getChannel();
      } catch (error) {
        const text = deps.scrub(error).message;
        return ids.map((messageId, i) => ({
          messageId,
          status: 'failed',
          error: `Publishing to ${target(i)} failed: ${text}`,
        }));
      }
      const { channel } = entry;
      const results: Array<'confirmed' | 'nacked' | 'closed' | undefined> = new Array(messages.length);
      // One promise for the batch, settled by the last confirm: not one per message.
      let unconfirmed = 1;
      let allConfirmed!: () => void;
      const confirmed = new Promise<void>((resolve) => (allConfirmed = resolve));
      const settled = (): void => {
        if (--unconfirmed === 0) allConfirmed();
      };
      // AMQP timestamps are whole seconds.
      const timestamp = Math.floor(Date.now() / 1000);
      const properties = {
        mandatory: options.mandatory ?? true,
        persistent: options.persistent ?? true,
        timestamp,
      };
      let writeError: string | undefined;
      for (let i = 0; i < messages.length && writeError === undefined; i++) {
        const message = messages[i];
        const publishOptions = {
          ...properties,
          // amqplib makes the headers object the prototype of its own (Object.create), which
          // costs V8 a prototype map per message: an empty one is left out.
          headers: hasAny(message.headers) ? message.headers : undefined,
          messageId: ids[i],
          ...(message.contentType ? { contentType: message.contentType } : {}),
        };
        try {
          unconfirmed++;
          const writable = channel.publish(
            exchange,
            message.routingKey,
            message.payload,
            publishOptions,
            (error: unknown) => {
              // amqplib's wording: 'message nacked' for a nack, 'channel closed' otherwise.
              results[i] = !error
                ? 'confirmed'
                : error instanceof Error && error.message === 'message nacked'
                  ? 'nacked'
                  : 'closed';
              settled();
            },
          );
          if (!writable) await drained(channel);
        } catch (error) {
          // The channel closed under us (amqplib throws on a closed channel): the rest fail.
          writeError = deps.scrub(error).message;
          settled();
        }
      }
      settled();
      await confirmed;
      // RabbitMQ sends basic.return before the confirm, so by now every return is in.
      return ids.map((messageId, i): PublishOutcome => {
        const wasReturned = returned.delete(messageId);
        const result = results[i];
        if (result === 'confirmed' && wasReturned) {
          return {
            messageId,
            status: 'unroutable',
            error: `No queue is bound to ${target(i)} for routing key "${messages[i].routingKey}"`,
          };
        }
        if (result === 'confirmed') return { messageId, status: 'confirmed' };
        if (result === 'nacked')
          return { messageId, status: 'nacked', error: `RabbitMQ nacked the message to ${target(i)}` };
        const why = entry.closedBy ?? writeError ?? 'channel closed before the broker confirmed it';
        return { messageId, status: 'failed', error: `Publishing to ${target(i)} failed: ${why}` };
      });
    },

    async close(): Promise<void> {
      closed = true;
      const open = live;
      live = undefined;
      // A channel that already died with its connection has nothing left to close.
      await open?.then(({ channel }) => channel.close()).catch(() => undefined);
    },
  };
}

function hasAny(headers: Record<string, unknown> | undefined): boolean {
  for (const _ in headers) return true;
  return false;
}
