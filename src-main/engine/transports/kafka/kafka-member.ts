import type { Consumer, ConsumerCrashEvent, ConsumerGroupJoinEvent, Kafka } from 'kafkajs';
import type { Closable, IncomingMessage, TransportEventSink } from '../transport';
import type { ConnectionHealth } from './kafka-connection-health';
import { explainTopicError } from './kafka-errors';
import { toIncomingMessage } from './kafka-message';
import { CONSUMER_TIMINGS, RETRY } from './kafka-settings';

/** What one group member consumes and where its records go. */
export interface KafkaMemberOptions {
  topic: string;
  groupId: string;
  fromBeginning: boolean;
  onMessage: (message: IncomingMessage) => Promise<void>;
}

/**
 * Describes a join for people reading the run log: `<memberId> joined as leader|follower,
 * assigned <topic>[0,2]`. The bracketed lists are what a test or the UI can rely on.
 */
export function describeJoin(payload: ConsumerGroupJoinEvent['payload']): string {
  const role = payload.isLeader ? 'leader' : 'follower';
  const assigned = Object.entries(payload.memberAssignment)
    .map(([topic, partitions]) => `${topic}[${[...partitions].sort((a, b) => a - b).join(',')}]`)
    .join(' ');
  return `${payload.memberId} joined as ${role}, assigned ${assigned || 'nothing'}`;
}

function describeCrash(payload: ConsumerCrashEvent['payload']): string {
  // kafkajs restarts a member after a retriable crash; the reader needs to know whether
  // this member is gone for good.
  return `${payload.error.message}${payload.restart ? ' (kafkajs restarts the member)' : ''}`;
}

/**
 * Starts one member of `groupId`: its own kafkajs consumer, so several members in one
 * process split the partitions like separate services would. Resolves once the member
 * has joined the group. `onMessage` is awaited before the next record of the same
 * partition is handed over; if it rejects, kafkajs retries the record and, when retries
 * run out, restarts the member from the last committed offset (at-least-once).
 */
const JOIN_TIMEOUT_MS = 30_000;

async function waitFor(p: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      p,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startKafkaMember(
  kafka: Kafka,
  health: ConnectionHealth,
  onEvent: TransportEventSink,
  options: KafkaMemberOptions,
): Promise<Closable> {
  const { topic, groupId, fromBeginning, onMessage } = options;
  const consumer: Consumer = kafka.consumer({
    groupId,
    ...CONSUMER_TIMINGS,
    retry: RETRY,
    allowAutoTopicCreation: false,
  });
  let joined: () => void = () => undefined;
  const firstJoin = new Promise<void>((resolve) => (joined = resolve));
  const removeListeners = [
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      joined();
      health.markUp();
      onEvent({ type: 'rebalance', groupId, detail: describeJoin(event.payload) });
    }),
    consumer.on(consumer.events.CRASH, (event) => {
      onEvent({ type: 'consumer-crashed', groupId, error: describeCrash(event.payload) });
    }),
  ];
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= consumer.disconnect().finally(() => removeListeners.forEach((remove) => remove()));
    return closing;
  };

  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        await onMessage(toIncomingMessage(topic, partition, message));
      },
    });
    // run() resolves before the group assigns partitions; a caller that produces right after
    // would race the join (and kafkajs may hand a record to two members across a rebalance).
    await waitFor(
      firstJoin,
      JOIN_TIMEOUT_MS,
      `member of group "${groupId}" did not join within ${JOIN_TIMEOUT_MS / 1000} s`,
    );
  } catch (error) {
    // A member that never started still holds sockets and timers.
    await close().catch(() => undefined);
    throw explainTopicError(error, topic);
  }
  return { close };
}
