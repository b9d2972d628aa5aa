import type { RetryOptions } from 'kafkajs';

/** Default socket connect timeout per attempt, in milliseconds. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 1_000;

/**
 * Retries for every kafkajs client we create. kafkajs defaults to 5 retries with up to
 * 30 s between them, so an unreachable broker would keep a Run button spinning for
 * minutes; these bound a dead broker to roughly connection timeout × 5 + 3 s while
 * still riding out a leader election. A consumer that exhausts them crashes and kafkajs
 * restarts it, so a long outage surfaces as events instead of a silent hang.
 */
export const RETRY: RetryOptions = {
  retries: 4,
  initialRetryTime: 200,
  maxRetryTime: 1_500,
};

/**
 * Group timings for a workbench where members come and go every run: a dead member is
 * noticed in 10 s (not 30 s) and a fetch returns after 100 ms when idle, so end-to-end
 * latency in traces is the broker's, not kafkajs's long-poll default of 5 s.
 */
export const CONSUMER_TIMINGS = {
  sessionTimeout: 10_000,
  rebalanceTimeout: 10_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 100,
} as const;

/** How long a new member may take to join its group before subscribe gives up. */
export const JOIN_TIMEOUT_MS = 30_000;

/**
 * Bytes fetched per partition per request. kafkajs's 1 MiB default is below one record of
 * a 1 MiB payload plus its framing; 4 MiB fits a few such records per fetch, so topics
 * with raised max.message.bytes are read at full speed.
 */
export const MAX_BYTES_PER_PARTITION = 4 * 1024 * 1024;
