import type {
  Closable,
  IncomingMessage,
  OutgoingMessage,
  SendReceipt,
  TopicProducer,
  TopicTransport,
} from '../transport';

interface StoredRecord {
  key?: string;
  headers: Record<string, string>;
  payload: Buffer;
}

interface Member {
  id: number;
  onMessage: (message: IncomingMessage) => Promise<void>;
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
 * partition, and new groups starting from the beginning or the end.
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
        const offset = group.offsets[p];
        const rec = topic.partitions[p][offset];
        try {
          await member.onMessage({
            destination: '',
            key: rec.key,
            headers: { ...rec.headers },
            payload: rec.payload,
            partition: p,
            offset: String(offset),
          });
        } catch {
          // A failing handler does not block the partition; the actor records the error itself.
        }
        group.offsets[p] = offset + 1;
      }
    } finally {
      group.busy.delete(p);
      if (!closed) setImmediate(() => pump(topic, group));
    }
  }

  const producers: Closable[] = [];

  return {
    transport: 'embedded',
    async ensureTopic({ topic, partitions }) {
      if (!topics.has(topic)) {
        topics.set(topic, {
          partitions: Array.from({ length: partitions }, () => []),
          groups: new Map(),
          roundRobin: 0,
        });
      }
    },
    async createProducer(): Promise<TopicProducer> {
      const producer: TopicProducer = {
        async send(topicName: string, messages: OutgoingMessage[]): Promise<SendReceipt[]> {
          if (closed) throw new Error('the embedded broker is closed');
          const topic = topicOrThrow(topicName);
          const receipts = messages.map((m) => {
            const p = m.key
              ? hash(m.key) % topic.partitions.length
              : topic.roundRobin++ % topic.partitions.length;
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
    async subscribe({ topic: topicName, groupId, fromBeginning, onMessage }) {
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
      const member: Member = {
        id: nextMemberId++,
        onMessage: async (m) => onMessage({ ...m, destination: topicName }),
        partitions: [],
        closed: false,
      };
      g.members.push(member);
      rebalance(g, topic.partitions.length);
      pump(topic, g);
      return {
        async close() {
          member.closed = true;
          g.members = g.members.filter((m) => m !== member);
          rebalance(g, topic.partitions.length);
          pump(topic, g);
        },
      };
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
