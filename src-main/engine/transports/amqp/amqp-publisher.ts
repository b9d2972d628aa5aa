import { randomUUID } from 'node:crypto';
import type { ConfirmChannel } from 'amqplib';
import type { OutgoingMessage, QueuePublisher } from '../transport';
import type { ErrorScrubber } from './amqp-errors';

/** What a publisher needs from its transport. */
export interface AmqpPublisherDeps {
  /** Opens a confirm channel on the transport's current connection (errors scrubbed). */
  openConfirmChannel(): Promise<ConfirmChannel>;
  /** True when this transport declared `queue` durable; its messages are then persisted. */
  isDurable(queue: string): boolean;
  scrub: ErrorScrubber;
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
 * Creates a publisher on its own confirm channel. `publish` resolves only when RabbitMQ
 * has confirmed every message of the batch, and rejects when the broker nacks one or
 * when a message reached no queue (published `mandatory`, so RabbitMQ returns it instead
 * of silently dropping it, as the default exchange does for an unknown queue). A channel
 * the broker closed is replaced on the next call.
 */
export async function createAmqpPublisher(deps: AmqpPublisherDeps): Promise<QueuePublisher> {
  // Ids of messages the broker returned as unroutable; each batch takes its own out.
  const returned = new Set<string>();
  let channel: Promise<ConfirmChannel> | undefined;
  let closed = false;

  const getChannel = (): Promise<ConfirmChannel> => {
    if (channel) return channel;
    const opening = deps.openConfirmChannel().then((opened) => {
      // A channel error also fails the pending publish, which is where it is reported.
      opened.on('error', () => undefined);
      opened.on('close', () => {
        if (channel === opening) channel = undefined;
      });
      opened.on('return', (message) => {
        const id: unknown = message.properties.messageId;
        if (typeof id === 'string') returned.add(id);
      });
      return opened;
    });
    opening.catch(() => {
      if (channel === opening) channel = undefined;
    });
    channel = opening;
    return opening;
  };
  await getChannel();

  return {
    async publish(queue: string, messages: OutgoingMessage[]): Promise<void> {
      if (closed) throw new Error('AMQP publisher is closed');
      if (messages.length === 0) return;
      const target = await getChannel();
      const ids: string[] = [];
      const confirms: Array<Promise<unknown>> = [];
      const persistent = deps.isDurable(queue);
      // AMQP timestamps are whole seconds.
      const timestamp = Math.floor(Date.now() / 1000);
      let nacked = 0;
      let unconfirmed = 0;
      let unroutable = 0;
      try {
        for (const message of messages) {
          const messageId = randomUUID();
          ids.push(messageId);
          const options = { headers: message.headers, messageId, timestamp, persistent, mandatory: true };
          let settled!: () => void;
          confirms.push(new Promise<void>((resolve) => (settled = resolve)));
          const writable = target.sendToQueue(queue, message.payload, options, (error: unknown) => {
            // amqplib's wording: 'message nacked' for a nack, 'channel closed' otherwise.
            if (error instanceof Error && error.message === 'message nacked') nacked += 1;
            else if (error) unconfirmed += 1;
            settled();
          });
          if (!writable) await drained(target);
        }
        // Our own callbacks, not channel.waitForConfirms(): that waits for every message
        // in flight on the channel and rejects on the first nack, so a batch would fail
        // for a neighbour's nack, or settle before its own later messages are confirmed.
        await Promise.all(confirms);
      } catch (error) {
        throw deps.scrub(error);
      } finally {
        // RabbitMQ sends basic.return before the confirm, so by now every return is in.
        for (const id of ids) if (returned.delete(id)) unroutable += 1;
      }
      if (nacked > 0) {
        throw new Error(
          `RabbitMQ nacked ${nacked} of ${messages.length} messages published to queue "${queue}"`,
        );
      }
      if (unconfirmed > 0) {
        throw new Error(
          `Channel closed before RabbitMQ confirmed ${unconfirmed} of ${messages.length} messages to queue "${queue}"`,
        );
      }
      if (unroutable > 0) {
        throw new Error(`${unroutable} of ${messages.length} messages were not routed: no queue "${queue}"`);
      }
    },

    async close(): Promise<void> {
      closed = true;
      const open = channel;
      channel = undefined;
      // A channel that already died with its connection has nothing left to close.
      await open?.then((opened) => opened.close()).catch(() => undefined);
    },
  };
}
