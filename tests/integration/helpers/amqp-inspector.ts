import { connect } from 'amqplib';
import type { Channel, ChannelModel, GetMessage } from 'amqplib';
import { AMQP_URL, uniqueName } from './brokers';

/**
 * A bare amqplib connection of the test's own, to look at what the transport made and to
 * delete it afterwards. Names come from `queue()` / `exchange()` so cleanup finds them.
 */
export interface AmqpInspector {
  channel(): Promise<Channel>;
  queue(prefix: string): string;
  exchange(prefix: string): string;
  /** Reads up to `count` messages with basic.get (acked), waiting up to 10 s for them. */
  drain(queue: string, count: number): Promise<GetMessage[]>;
  cleanup(): Promise<void>;
}

export function createAmqpInspector(url = AMQP_URL): AmqpInspector {
  let model: ChannelModel | undefined;
  let open: Channel | undefined;
  const queues: string[] = [];
  const exchanges: string[] = [];
  const channel = async (): Promise<Channel> => {
    model ??= await connect(url);
    if (!open) {
      const created = await model.createChannel();
      // A failed check (404) closes this channel; the next call opens another.
      created.on('error', () => undefined);
      created.on('close', () => {
        if (open === created) open = undefined;
      });
      open = created;
    }
    return open;
  };
  return {
    channel,
    queue(prefix) {
      const name = uniqueName(prefix);
      queues.push(name);
      return name;
    },
    exchange(prefix) {
      const name = uniqueName(prefix);
      exchanges.push(name);
      return name;
    },
    async drain(queue, count) {
      const got: GetMessage[] = [];
      const deadline = Date.now() + 10_000;
      while (got.length < count && Date.now() < deadline) {
        const message = await (await channel()).get(queue, { noAck: true });
        if (message) got.push(message);
        else await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return got;
    },
    async cleanup() {
      for (const queue of queues) await (await channel()).deleteQueue(queue).catch(() => undefined);
      for (const exchange of exchanges)
        await (await channel()).deleteExchange(exchange).catch(() => undefined);
      await model?.close().catch(() => undefined);
    },
  };
}
