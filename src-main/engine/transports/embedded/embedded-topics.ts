import type {
  Closable,
  IncomingMessage,
  OutgoingMessage,
  PartitionLag,
  SendReceipt,
  TopicMember,
  TopicProducer,
  TopicProducerOptions,
  TopicTransport,
} from '../transport';

interface StoredRecord {
  key?: string;
  headers: Record<string, string>;
  payload: Buffer;
}

interface Member {
  id: number;
  /** Receives one record, or up to `batchSize` in batch mode. */
  deliver: (messages: IncomingMessage[]) => Promise<void>;
  batchSize: number;
  partitions: number[];
  closed: boolean;
}

interface Group {
  members: Member[];
  /** Next offset to deliver per partition (the committed position). */
  offsets: number[];
  /** Partitions a member is delivering from right now; a partition is never delivered twice at once. */
  busy: Set<number>;
}

interface Topic {
  partitions: StoredRecord[][];
  groups: Map<string, Group>;
  roundRobin: number;
}

/**
 * In-process topics with Kafka's semantics that matter to a flow: partitions chosen by key
 * hash, offsets, consumer groups whose members share partitions, in-order delivery per
 * partition, and new groups starting from the beginning or the end. Producer partitioners
 * (key hash or round-robin, explicit partitions) and batch delivery behave as on Kafka;
 * settings that only mean something to a broker (acks, compression, idempotence,
 * retention, replication, commit mode) are accepted and ignored: a record counts as
 * committed once its handler settles, and a member never crashes.
 */
export function createEmbeddedTopics(): TopicTransport {
  const topics = new Map<string, Topic>();
  let nextMemberId = 1;
  let closed = false;

  function topicOrThrow(name: string): Topic {
    const t = topics.get(name);
    if (!t) throw new Error(`This server does not host this topic-partition: topic "${name}" does not exist`);
    return t;
  }

  function rebalance(group: Group, partitionCount: number): void {
    const live = group.members.filter((m) => !m.closed);
    for (const m of live) m.partitions = [];
    for (let p = 0; p < partitionCount; p++) if (live.length > 0) live[p % live.length].partitions.push(p);
  }

  function pump(topic: Topic, group: Group): void {
    for (const member of group.members) {
      if (member.closed) continue;
      for (const p of member.partitions) {
        if (group.busy.has(p) || group.offsets[p] >= topic.partitions[p].length) continue;
        group.busy.add(p);
        void drainPartition(topic, group, member, p);
      }
    }
  }

  async function drainPartition(topic: Topic, group: Group, member: Member, p: number): Promise<void> {
    try {
      while (
        !member.closed &&
        !closed &&
        member.partitions.includes(p) &&
        group.offsets[p] < topic.partitions[p].length
      ) {
        const first = group.offsets[p];
        const records = topic.partitions[p].slice(first, first + member.batchSize);
        try {
          await member.deliver(
            records.map((rec, i) => ({
              destination: '',
              key: rec.key,
              headers: { ...rec.headers },
              payload: rec.payload,
              partition: p,
              offset: String(first + i),
            })),
          );
        } catch {
          // A failing handler does not block the partition; the actor records the error itself.
        }
        group.offsets[p] = first + records.length;
      }
    } finally {
      group.busy.delete(p);
      if (!closed) setImmediate(() => pump(topic, group));
    }
  }

  const producers: Closable[] = [];

  return {
    transport: 'embedded',
    // Only the partition count matters in-process; the other settings are the broker's.
    async ensureTopic({ topic, partitions }) {
      if (!topics.has(topic)) {
        topics.set(topic, {
          partitions: Array.from({ length: partitions }, () => []),
          groups: new Map(),
          roundRobin: 0,
        });
      }
    },
    async createProducer(options?: TopicProducerOptions): Promise<TopicProducer> {
      const byKey = options?.partitioner !== 'round-robin';
      const producer: TopicProducer = {
        async send(topicName: string, messages: OutgoingMessage[]): Promise<SendReceipt[]> {
          if (closed) throw new Error('the embedded broker is closed');
          const topic = topicOrThrow(topicName);
          const count = topic.partitions.length;
          const wrong = messages.find(
            (m) => m.partition !== undefined && !(m.partition >= 0 && m.partition < count),
          );
          if (wrong) {
            throw new Error(
              `Partition ${wrong.partition} does not exist on topic "${topicName}" (it has ${count})`,
            );
          }
          const receipts = messages.map((m) => {
            const p = m.partition ?? (byKey && m.key ? hash(m.key) % count : topic.roundRobin++ % count);
            topic.partitions[p].push({ key: m.key, headers: { ...m.headers }, payload: m.payload });
            return { partition: p, offset: String(topic.partitions[p].length - 1) };
          });
          for (const group of topic.groups.values()) pump(topic, group);
          return receipts;
        },
        async close() {},
      };
      producers.push(producer);
      return producer;
    },
    async subscribe(subscription): Promise<TopicMember> {
      const { topic: topicName, groupId, fromBeginning } = subscription;
      const topic = topicOrThrow(topicName);
      let group = topic.groups.get(groupId);
      if (!group) {
        group = {
          members: [],
          offsets: topic.partitions.map((records) => (fromBeginning ? 0 : records.length)),
          busy: new Set(),
        };
        topic.groups.set(groupId, group);
      }
      const g = group;
      const withTopic = (messages: IncomingMessage[]): IncomingMessage[] =>
        messages.map((m) => ({ ...m, destination: topicName }));
      const { onBatch, onMessage } = subscription;
      const member: Member = {
        id: nextMemberId++,
        deliver: onBatch
          ? (messages) => onBatch(withTopic(messages))
          : async (messages) => {
              for (const m of withTopic(messages)) await onMessage(m);
            },
        batchSize: onBatch ? Math.max(1, subscription.batchSize ?? 100) : 1,
        partitions: [],
        closed: false,
      };
      const label = `${groupId}#${member.id}`;
      g.members.push(member);
      rebalance(g, topic.partitions.length);
      pump(topic, g);
      return {
        member: label,
        state: () => (member.closed ? { state: 'closed' } : { state: 'running' }),
        // An in-process member never crashes, so there is nothing to restart.
        async restart() {
          if (member.closed) throw new Error(`member ${label} is closed`);
        },
        async close() {
          member.closed = true;
          g.members = g.members.filter((m) => m !== member);
          rebalance(g, topic.partitions.length);
          pump(topic, g);
        },
      };
    },
    async lag({ topic: topicName, groupId }): Promise<PartitionLag[]> {
      const topic = topicOrThrow(topicName);
      const group = topic.groups.get(groupId);
      return topic.partitions.map((records, partition) => {
        const committed = group ? group.offsets[partition] : undefined;
        return {
          partition,
          committed: committed === undefined ? null : String(committed),
          end: String(records.length),
          lag: records.length - (committed ?? 0),
        };
      });
    },
    async close() {
      closed = true;
      topics.clear();
    },
  };
}

/** A stable string hash (FNV-1a), so one key always lands on one partition. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
