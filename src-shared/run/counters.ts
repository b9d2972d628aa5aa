/** Live state of one node while a run goes. */
export type NodeStatus = 'idle' | 'connecting' | 'running' | 'done' | 'error' | 'stopped';

export interface NodeCounters {
  sent: number;
  received: number;
  acked: number;
  nacked: number;
  errors: number;
  /** Deliveries that broke their channel's message contract (delivered anyway, flagged). */
  invalid: number;
  /** Messages per second over the last interval (sent or received, whichever is larger). */
  rate: number;
  status: NodeStatus;
  /** Latency quantiles in ms: end to end for readers (produced → handled), per send or call otherwise. */
  p50Ms?: number;
  p99Ms?: number;
  /** Kafka consumer lag summed over partitions (topics), or messages ready (RabbitMQ queues). */
  lag?: number;
  depth?: number;
  /**
   * Payload bytes a client sent in its requests and received in its replies (HTTP bodies,
   * encoded protobuf messages); absent on nodes that do not measure them.
   */
  bytesOut?: number;
  bytesIn?: number;
  /** True while the node's sending is paused by the user. */
  paused?: boolean;
  /** The broker's or server's own message: untrusted text. */
  error?: string;
  /** What the user can try about the error. */
  hint?: string;
  /** Mesh-governed call edges (counters keyed by edge id): the circuit breaker's state. */
  breaker?: 'closed' | 'open' | 'half-open';
  /** Mesh-governed call edges: retries made under the policy's budget. */
  retries?: number;
}

export function emptyCounters(): NodeCounters {
  return { sent: 0, received: 0, acked: 0, nacked: 0, errors: 0, invalid: 0, rate: 0, status: 'idle' };
}

/** One line of a run's log: a warning or error, linked to its node when it has one. */
export interface RunLogEntry {
  seq: number;
  ts: number;
  level: 'info' | 'warning' | 'error';
  nodeId?: string;
  /** Untrusted text (broker errors): render as text. */
  message: string;
  hint?: string;
  /** How many times this same message came from this node (shown once, counted). */
  repeats?: number;
}

/** A node's latency distribution for the histogram chart. */
export interface LatencyBuckets {
  nodeId: string;
  count: number;
  buckets: Array<{ le: number; count: number }>;
}
