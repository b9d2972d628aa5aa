import { randomUUID } from 'node:crypto';
import type { IncomingMessage, TopicProducer, TopicTransport } from '../transports/transport';
import { EVENT_HEADERS, isPlainObject, type StoredEvent } from './stored-event';

/** How long reading the log back at the start may take before the store gives up. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * The durable, append-only log of an event store: one record per event on a topic (Kafka,
 * or the embedded twin), keyed by stream id so a stream's events stay in order on one
 * partition, with type, stream version, schema version and time in headers and the data
 * as the value. Records are only ever added; versions and concurrency are the store's.
 */
export class EventLog {
  constructor(
    private readonly topics: TopicTransport,
    readonly topic: string,
    private readonly producer: () => Promise<TopicProducer>,
  ) {}

  /** Creates the topic when absent and reads back every event already in it, in log order. */
  async open(): Promise<StoredEvent[]> {
    await this.topics.ensureTopic({ topic: this.topic, partitions: 1, retentionMs: -1 });
    const groupId = `flowbench.event-log.${randomUUID()}`;
    const bounds = await this.topics.lag({ topic: this.topic, groupId });
    const remaining = new Map(bounds.filter((b) => b.lag > 0).map((b) => [b.partition, BigInt(b.end) - 1n]));
    if (remaining.size === 0) return [];
    const events: StoredEvent[] = [];
    let done: () => void = () => {};
    const caughtUp = new Promise<void>((resolve) => (done = resolve));
    const member = await this.topics.subscribe({
      topic: this.topic,
      groupId,
      fromBeginning: true,
      onMessage: async (m) => {
        const last = remaining.get(m.partition ?? 0);
        if (last === undefined) return;
        events.push(readRecord(m));
        if (BigInt(m.offset ?? '0') >= last) remaining.delete(m.partition ?? 0);
        if (remaining.size === 0) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        caughtUp,
        new Promise((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(`reading the event log ${this.topic} back took over ${LOAD_TIMEOUT_MS / 1000} s`),
              ),
            LOAD_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
      await member.close();
    }
    return events;
  }

  /** Writes one event; resolves once the broker has it (acks all), with its position. */
  async append(event: StoredEvent): Promise<string> {
    const producer = await this.producer();
    const [receipt] = await producer.send(this.topic, [
      {
        key: event.streamId,
        headers: {
          [EVENT_HEADERS.type]: event.type,
          [EVENT_HEADERS.version]: String(event.version),
          [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
          [EVENT_HEADERS.recordedAt]: String(event.recordedAt),
        },
        payload: Buffer.from(JSON.stringify(event.data)),
      },
    ]);
    if (receipt?.error) throw new Error(receipt.error);
    return `${receipt?.partition ?? 0}:${receipt?.offset ?? '?'}`;
  }
}

/** The log topic of a store: its `topic`, else its name made a valid topic name (`write model` → `write-model`). */
export function logTopicName(config: { name: string; topic: string }): string {
  return config.topic || config.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 249) || 'event-store';
}

/** An event from its log record; a record that is not one of ours says where it is. */
export function readRecord(m: IncomingMessage): StoredEvent {
  const where = `${m.destination} partition ${m.partition ?? 0} offset ${m.offset ?? '?'}`;
  const version = Number(m.headers[EVENT_HEADERS.version]);
  const type = m.headers[EVENT_HEADERS.type];
  if (!m.key || !type || !Number.isInteger(version) || version < 1)
    throw new Error(
      `the record at ${where} is not an event (no key, ${EVENT_HEADERS.type} or ${EVENT_HEADERS.version})`,
    );
  let data: unknown;
  try {
    data = JSON.parse(m.payload.toString('utf8'));
  } catch {
    throw new Error(`the event at ${where} is not JSON`);
  }
  return {
    streamId: m.key,
    version,
    type,
    schemaVersion: Number(m.headers[EVENT_HEADERS.schemaVersion]) || 1,
    data: isPlainObject(data) ? data : {},
    recordedAt: Number(m.headers[EVENT_HEADERS.recordedAt]) || 0,
    position: `${m.partition ?? 0}:${m.offset ?? '?'}`,
  };
}
