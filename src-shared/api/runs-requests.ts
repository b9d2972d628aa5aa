import { z } from 'zod';
import type { RunSummary } from './contract';
import type { RunTimeline } from '../trace/run-timeline';
import { output } from './request-output';

/** One node's share of a run: its trace events, failures and latency quantiles (ms; null when none measured). */
export interface NodeRunStats {
  nodeId: string;
  spans: number;
  errors: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

/**
 * What a run did, for the history and the comparison: totals, per-node stats and two series
 * over time since the run started (buckets of `bucketMs`): messages sent per second and the
 * median delivery latency in ms (null where nothing was delivered).
 */
export interface RunReport {
  run: RunSummary;
  durationMs: number;
  errors: number;
  nodes: NodeRunStats[];
  series: { bucketMs: number; throughput: number[]; latencyP50: Array<number | null> };
}

/**
 * How much recorded history the workspace keeps. Each limit is optional; the oldest finished
 * runs go first until every limit set holds. The running run is never deleted.
 */
export const retentionSchema = z
  .object({
    keepRuns: z.number().int().min(1).max(100_000).optional(),
    maxAgeDays: z.number().min(0.001).max(36_500).optional(),
    maxMb: z.number().min(1).max(1_000_000).optional(),
  })
  .strict();
export type RetentionPolicy = z.infer<typeof retentionSchema>;

/**
 * Progress of a deletion of runs. A run being deleted is hidden at once and emptied in short
 * steps; a cancel finishes the run in hand and keeps the rest, so only whole runs remain.
 */
export interface RunDeletion {
  jobId: string;
  total: number;
  /** Runs handled so far (deleted, or skipped: unknown or still running). */
  done: number;
  /** Runs actually deleted. */
  deleted: number;
  /** How far the run in hand is, 0-1 (a big run takes seconds); absent between runs. */
  current?: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  error?: string;
}

const runIdSchema = z.string().min(1).max(64);

/** Requests of the Traces and Runs areas (issue 6). */
export const runsRequests = {
  /** Totals, per-node p50/p99 and throughput and latency over time of one run. */
  'runs.report': {
    input: z
      .object({ runId: runIdSchema, bucketMs: z.number().int().min(10).max(3_600_000).optional() })
      .strict(),
    output: output<RunReport | null>(),
  },
  /** A finished run as counts per time bucket, for playback on the canvas. */
  'runs.timeline': {
    input: z
      .object({ runId: runIdSchema, maxBuckets: z.number().int().min(10).max(5000).default(600) })
      .strict(),
    output: output<RunTimeline | null>(),
  },
  /** Starts deleting runs (one after the other); progress comes as `runs.deletion` events. */
  'runs.delete': {
    input: z.object({ runIds: z.array(runIdSchema).min(1).max(10_000) }).strict(),
    output: output<RunDeletion>(),
  },
  /** Stops a deletion after the run being deleted (that one is finished): every run is wholly kept or gone. */
  'runs.cancelDelete': {
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: output<RunDeletion | null>(),
  },
  'runs.retention.get': { input: z.object({}).strict(), output: output<RetentionPolicy>() },
  /** Saves the retention setting and applies it now (never to a running run). */
  'runs.retention.set': {
    input: z.object({ policy: retentionSchema }).strict(),
    output: output<{ policy: RetentionPolicy; deleted: string[] }>(),
  },
} as const;

/** Events of the Runs area. */
export interface RunsEventPayloads {
  /** Progress of a `runs.delete` job, after each run and at the end. */
  'runs.deletion': RunDeletion;
}
