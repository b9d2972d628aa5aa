import type { Consumer, ConsumerCrashEvent, ConsumerGroupJoinEvent, Kafka } from 'kafkajs';
import type { MemberState, TopicMember, TopicSubscription, TransportEventSink } from '../transport';
import type { ConnectionHealth } from './kafka-connection-health';
import { explainTopicError } from './kafka-errors';
import { createMemberHandlers } from './kafka-member-handlers';
import { createRestartPolicy } from './kafka-restart-policy';
import { CONSUMER_TIMINGS, JOIN_TIMEOUT_MS, MAX_BYTES_PER_PARTITION, RETRY } from './kafka-settings';

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

function crashReason(payload: ConsumerCrashEvent['payload'], topic: string): string {
  const explained = explainTopicError(payload.error, topic);
  return explained instanceof Error ? explained.message : String(explained);
}

/** Resolves with `p`, or rejects with `message` after `ms`, or as soon as `failed` rejects. */
async function joinedWithin(
  p: Promise<void>,
  failed: Promise<never>,
  ms: number,
  message: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      p,
      failed,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts one member of `groupId`, labelled `label` in its events: its own kafkajs
 * consumer, so several members in one process split the partitions like separate services
 * would. Resolves once the member has joined the group; rejects (naming the topic when it
 * does not exist) if it cannot. Every join is reported as `rebalance` with the partitions
 * this member now holds. A crash is reported as `consumer-crashed`: kafkajs restarts the
 * member itself through a short outage (`restarting: true`); otherwise the member stays
 * stopped, `state()` says why, and `restart()` starts a fresh client from the group's
 * committed offsets. Handler errors are retried by kafkajs; an error with
 * `retriable: false` (or a TypeError) stops the member at once.
 */
export async function startKafkaMember(
  kafka: Kafka,
  health: ConnectionHealth,
  onEvent: TransportEventSink,
  options: TopicSubscription,
  label: string,
): Promise<TopicMember> {
  const { topic, groupId } = options;
  let state: MemberState = { state: 'running' };
  let current: { consumer: Consumer; removeListeners: Array<() => void> } | undefined;
  let launching: Promise<void> | undefined;

  const dispose = async (): Promise<void> => {
    const old = current;
    current = undefined;
    if (!old) return;
    await old.consumer.disconnect().catch(() => undefined);
    old.removeListeners.forEach((remove) => remove());
  };

  const launch = async (): Promise<void> => {
    const policy = createRestartPolicy();
    const consumer: Consumer = kafka.consumer({
      groupId,
      ...CONSUMER_TIMINGS,
      maxBytesPerPartition: MAX_BYTES_PER_PARTITION,
      retry: { ...RETRY, restartOnFailure: async (error) => policy.allows(error) },
      allowAutoTopicCreation: false,
    });
    let joined: () => void = () => undefined;
    let crashed: (error: Error) => void = () => undefined;
    const firstJoin = new Promise<void>((resolve) => (joined = resolve));
    const terminalCrash = new Promise<never>((_, reject) => (crashed = reject));
    terminalCrash.catch(() => undefined);
    const removeListeners = [
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        joined();
        policy.joined();
        health.markUp();
        const partitions = [...(event.payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b);
        onEvent({
          type: 'rebalance',
          groupId,
          detail: describeJoin(event.payload),
          member: label,
          partitions,
        });
      }),
      consumer.on(consumer.events.CRASH, (event) => {
        // A member being closed is not crashing, whatever kafkajs says on the way out.
        if (state.state === 'closed') return;
        const reason = crashReason(event.payload, topic);
        const restarting = event.payload.restart;
        if (!restarting && state.state === 'running') state = { state: 'crashed', error: reason };
        onEvent({
          type: 'consumer-crashed',
          groupId,
          member: label,
          error: `${reason}${restarting ? ' (kafkajs restarts the member)' : ''}`,
          restarting,
        });
        if (!restarting) crashed(new Error(reason));
      }),
    ];
    current = { consumer, removeListeners };
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning });
      await consumer.run(createMemberHandlers(consumer, options));
      // run() resolves before the group assigns partitions; a caller that produces right after
      // would race the join (and kafkajs may hand a record to two members across a rebalance).
      await joinedWithin(
        firstJoin,
        terminalCrash,
        JOIN_TIMEOUT_MS,
        `member of group "${groupId}" did not join within ${JOIN_TIMEOUT_MS / 1000} s`,
      );
      state = { state: 'running' };
    } catch (error) {
      // A member that never started still holds sockets and timers.
      await dispose();
      throw explainTopicError(error, topic);
    }
  };

  await launch();
  return {
    member: label,
    state: () => state,
    async restart(): Promise<void> {
      if (state.state === 'closed') throw new Error(`member ${label} is closed`);
      if (state.state === 'running' && current) return;
      launching ??= (async (): Promise<void> => {
        await dispose();
        try {
          await launch();
        } catch (error) {
          state = { state: 'crashed', error: error instanceof Error ? error.message : String(error) };
          throw error;
        }
      })().finally(() => (launching = undefined));
      return launching;
    },
    async close(): Promise<void> {
      state = { state: 'closed' };
      await launching?.catch(() => undefined);
      await dispose();
    },
  };
}
