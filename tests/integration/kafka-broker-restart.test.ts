import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaTransport } from '../../src-main/engine/transports/kafka/kafka-transport';
import type { TopicTransport } from '../../src-main/engine/transports/transport';
import { recordEvents, waitFor } from './helpers/brokers';
import { createPrivateKafka } from './helpers/private-kafka';
import type { PrivateKafka } from './helpers/private-kafka';

// A broker of this test's own: the shared one is never stopped.
let broker: PrivateKafka;
beforeAll(async () => {
  broker = await createPrivateKafka();
  await broker.start();
});
afterAll(async () => broker?.destroy());

describe('kafka across a broker restart', () => {
  it('keeps producing and consuming, and delivers every send the broker acknowledged', async () => {
    const { events, sink } = recordEvents();
    const transport: TopicTransport = createKafkaTransport({
      brokers: [broker.broker],
      clientId: 'flowbench-restart-test',
      onEvent: sink,
    });
    const topic = 'fb-restart';
    try {
      await transport.ensureTopic({ topic, partitions: 2 });
      const received = new Set<string>();
      let deliveries = 0;
      await transport.subscribe({
        topic,
        groupId: 'fb-restart-group',
        fromBeginning: true,
        onMessage: async (m) => {
          deliveries += 1;
          received.add(m.headers.id);
        },
      });
      const producer = await transport.createProducer();
      const acknowledged = new Set<string>();
      const failedSends: string[] = [];
      let batch = 0;
      let producing = true;
      // Batches of 20 every 50 ms; a send the broker never confirmed is reported, not counted.
      const loop = (async (): Promise<void> => {
        while (producing) {
          const ids = Array.from({ length: 20 }, (_, i) => `${batch}-${i}`);
          batch += 1;
          try {
            await producer.send(
              topic,
              ids.map((id) => ({ key: id, headers: { id }, payload: Buffer.from(id) })),
            );
            ids.forEach((id) => acknowledged.add(id));
          } catch (error) {
            failedSends.push((error as Error).message);
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      await waitFor('traffic before the restart', () => received.size >= 200);
      const restartedAt = Date.now();
      await broker.restart();
      const backAt = Date.now();
      const ackedAtRestart = acknowledged.size;
      await waitFor(
        'sends acknowledged after the restart',
        () => acknowledged.size >= ackedAtRestart + 200,
        60_000,
      );
      producing = false;
      await loop;
      const missing = (): string[] => [...acknowledged].filter((id) => !received.has(id));
      await waitFor('every acknowledged send delivered', () => missing().length === 0, 60_000).catch(
        (error: Error) => {
          // Say what was missing and what the client saw, so a failure on a loaded CI machine can be read.
          const lost = missing();
          throw new Error(
            `${error.message}: ${lost.length} of ${acknowledged.size} acknowledged sends never delivered ` +
              `(first: ${lost.slice(0, 10).join(', ')}); ${deliveries} deliveries; broker down ` +
              `${backAt - restartedAt} ms; events: ${events.map((e) => e.type).join(',')}`,
          );
        },
      );
      console.info(
        `[kafka-restart] broker down ${backAt - restartedAt} ms; ${acknowledged.size} acknowledged, ` +
          `${deliveries} deliveries (${deliveries - received.size} duplicates), ${failedSends.length} failed sends; ` +
          `events: ${events.map((e) => e.type).join(',')}`,
      );
      expect(events.some((e) => e.type === 'connection-lost')).toBe(true);
      expect(events.some((e) => e.type === 'reconnected')).toBe(true);
      // The member came back by itself: no crash left it stopped.
      expect(events.filter((e) => e.type === 'consumer-crashed' && !e.restarting)).toEqual([]);
    } finally {
      await transport.close();
    }
  });
});
