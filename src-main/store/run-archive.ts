import type Database from 'better-sqlite3';
import type { RunSummary } from '@shared/api/contract';
import type { NodeRunStats, RetentionPolicy, RunReport } from '@shared/api/runs-requests';
import type { RunTimeline } from '@shared/trace/run-timeline';
import { DELETE_STEP_ROWS, prepareRunDeleteSteps, type RunDeleteSteps } from './run-delete-steps';
import { toRunSummary, type RunDbRow } from './rows';

/** The run-level reads and deletes of the store: reports, playback timelines, retention. */
export interface RunArchive {
  /** A run's report, or null for an unknown run. `bucketMs` defaults to about 200 points. */
  report(runId: string, bucketMs?: number): RunReport | null;
  /** A run as counts per bucket (at most `maxBuckets`), or null for an unknown run. */
  timeline(runId: string, maxBuckets: number): RunTimeline | null;
  /**
   * Deletes a run, its messages, spans and replays here and now, in short steps behind its
   * mark (see RunDeleteSteps); false when it is unknown or running.
   */
  deleteRun(runId: string): boolean;
  /** The steps of a delete, for a caller that lets other work in between them. */
  deleteSteps: RunDeleteSteps;
  /** Bytes the database's pages in use take (free pages left by deletes are reused, not counted). */
  usedBytes(): number;
  /** Finished runs, oldest first, too old or past the run count the policy keeps (runs being deleted not counted). */
  overRetention(policy: RetentionPolicy, now: number): string[];
  /** Ids of finished runs, oldest first (the ones a size limit deletes first). */
  finishedOldestFirst(): string[];
}

const FAILURE_KINDS = "('error', 'nack', 'invalid', 'unroutable')";
/** Spans that put a message on its way: throughput counts these. */
const SEND_KINDS = "('produce', 'call')";

interface SpanStatRow {
  node_id: string;
  kind: string;
  ts: number;
  failed: number;
  latency: number | null;
  acked: number;
}

const RUN_COLUMNS = 'id, flow_name, environment, state, started_at, ended_at, message_count, event_count';

/** Prepares the run archive's statements once over an opened, migrated database. */
export function prepareRunArchive(db: Database.Database): RunArchive {
  // A run being deleted is gone for reports and timelines: they never see half a run.
  const getRun = db.prepare<[string], RunDbRow>(
    `SELECT ${RUN_COLUMNS} FROM runs WHERE id = ? AND deleting = 0`,
  );
  // One pass over the run's spans (the run_id prefix of spans_run_node). A delivery's latency
  // is from its parent span (the produce) to its arrival, found on the (trace_id, ts) index.
  const spanStats = db.prepare<[string], SpanStatRow>(
    `SELECT s.node_id, s.kind, s.ts,
            (s.error IS NOT NULL OR s.kind IN ${FAILURE_KINDS}) AS failed,
            CASE WHEN s.kind IN ('deliver', 'redeliver') THEN s.ts - p.ts
                 WHEN s.kind IN ('ack', 'nack', 'error') THEN NULL
                 ELSE s.duration_ms END AS latency,
            (s.settle_ts IS NOT NULL) AS acked
     FROM spans s
     LEFT JOIN spans p ON s.kind IN ('deliver', 'redeliver') AND p.trace_id = s.trace_id
                       AND p.span_id = s.parent_span_id
     WHERE s.run_id = ?`,
  );
  const timeBounds = db.prepare<[string], { lo: number | null; hi: number | null }>(
    'SELECT min(ts) AS lo, max(coalesce(settle_ts, ts)) AS hi FROM spans WHERE run_id = ?',
  );
  const nodeBuckets = db.prepare<
    [number, number, string],
    { node_id: string; kind: string; b: number; n: number }
  >(
    `SELECT node_id, kind, CAST((ts - ?) / ? AS INTEGER) AS b, count(*) AS n
     FROM spans WHERE run_id = ? GROUP BY node_id, kind, b`,
  );
  const ackBuckets = db.prepare<[number, number, string], { node_id: string; b: number; n: number }>(
    `SELECT node_id, CAST((settle_ts - ?) / ? AS INTEGER) AS b, count(*) AS n
     FROM spans WHERE run_id = ? AND settle_ts IS NOT NULL GROUP BY node_id, b`,
  );
  const hopBuckets = db.prepare<[number, number, string], { src: string; dst: string; b: number; n: number }>(
    `SELECT p.node_id AS src, s.node_id AS dst, CAST((s.ts - ?) / ? AS INTEGER) AS b, count(*) AS n
     FROM spans s JOIN spans p ON p.trace_id = s.trace_id AND p.span_id = s.parent_span_id
     WHERE s.run_id = ? AND p.node_id <> s.node_id GROUP BY src, dst, b`,
  );
  const deleteSteps = prepareRunDeleteSteps(db);
  const finishedOldestFirst = db.prepare<[], { id: string; started_at: number }>(
    "SELECT id, started_at FROM runs WHERE state <> 'running' AND deleting = 0 ORDER BY started_at, id",
  );
  const runCount = db.prepare<[], number>('SELECT count(*) FROM runs WHERE deleting = 0').pluck();

  const usedBytes = (): number => {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return (pages - free) * (db.pragma('page_size', { simple: true }) as number);
  };

  return {
    report(runId, bucketMs) {
      const row = getRun.get(runId);
      if (!row) return null;
      return buildReport(toRunSummary(row), spanStats.all(runId), bucketMs);
    },
    timeline(runId, maxBuckets) {
      if (!getRun.get(runId)) return null;
      const { lo, hi } = timeBounds.get(runId) ?? { lo: null, hi: null };
      const start = Math.floor(lo ?? 0);
      const end = hi ?? start;
      const width = bucketWidth(end - start + 1, maxBuckets);
      const buckets = Math.max(1, Math.floor((end - start) / width) + 1);
      const nodes: RunTimeline['nodes'] = {};
      const slot = (nodeId: string, kind: string): number[] =>
        ((nodes[nodeId] ??= {})[kind] ??= new Array<number>(buckets).fill(0));
      for (const r of nodeBuckets.all(start, width, runId)) slot(r.node_id, r.kind)[r.b] += r.n;
      for (const r of ackBuckets.all(start, width, runId)) slot(r.node_id, 'ack')[r.b] += r.n;
      const hops = new Map<string, { from: string; to: string; counts: number[] }>();
      for (const r of hopBuckets.all(start, width, runId)) {
        const k = `${r.src}\u0000${r.dst}`;
        let hop = hops.get(k);
        if (!hop) {
          hop = { from: r.src, to: r.dst, counts: new Array<number>(buckets).fill(0) };
          hops.set(k, hop);
        }
        hop.counts[r.b] += r.n;
      }
      return { runId, start, end, bucketMs: width, buckets, nodes, hops: [...hops.values()] };
    },
    deleteRun(runId) {
      if (!deleteSteps.mark(runId)) return false;
      while (deleteSteps.step(runId, DELETE_STEP_ROWS) > 0) {
        // one short transaction per step
      }
      return true;
    },
    deleteSteps,
    usedBytes,
    overRetention(policy, now) {
      const finished = finishedOldestFirst.all();
      const doomed = new Set<string>();
      if (policy.maxAgeDays !== undefined) {
        const cutoff = now - policy.maxAgeDays * 86_400_000;
        for (const r of finished) if (r.started_at < cutoff) doomed.add(r.id);
      }
      if (policy.keepRuns !== undefined) {
        // Counted over every run, the running one included: "keep the last N" means N in total.
        let excess = runCount.get()! - policy.keepRuns;
        for (const r of finished) if (excess-- > 0) doomed.add(r.id);
      }
      return finished.filter((r) => doomed.has(r.id)).map((r) => r.id);
    },
    finishedOldestFirst: () => finishedOldestFirst.all().map((r) => r.id),
  };
}

// Kept here, not imported from src-shared: the recorder's worker thread loads the store without path aliases.
function bucketWidth(durationMs: number, maxBuckets: number): number {
  return Math.max(1, Math.ceil(Math.max(durationMs, 1) / maxBuckets));
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function buildReport(run: RunSummary, spans: SpanStatRow[], bucketMs?: number): RunReport {
  let endedAt = run.endedAt ?? run.startedAt;
  if (run.endedAt === null) for (const s of spans) endedAt = Math.max(endedAt, s.ts);
  const durationMs = Math.max(0, endedAt - run.startedAt);
  const width = bucketMs ?? bucketWidth(durationMs, 200);
  const buckets = Math.max(1, Math.ceil(durationMs / width));
  const sends = new Array<number>(buckets).fill(0);
  const delays: number[][] = Array.from({ length: buckets }, () => []);
  const byNode = new Map<string, { spans: number; errors: number; latencies: number[] }>();
  let errors = 0;
  for (const s of spans) {
    let n = byNode.get(s.node_id);
    if (!n) {
      n = { spans: 0, errors: 0, latencies: [] };
      byNode.set(s.node_id, n);
    }
    // A delivery's ack shares its row: two events.
    n.spans += 1 + s.acked;
    if (s.failed) {
      n.errors++;
      errors++;
    }
    if (s.latency !== null) n.latencies.push(s.latency);
    const b = Math.min(buckets - 1, Math.max(0, Math.floor((s.ts - run.startedAt) / width)));
    if (SEND_KINDS.includes(`'${s.kind}'`)) sends[b]++;
    if ((s.kind === 'deliver' || s.kind === 'redeliver') && s.latency !== null) delays[b].push(s.latency);
  }
  const nodes: NodeRunStats[] = [...byNode.entries()]
    .map(([nodeId, n]) => {
      const sorted = n.latencies.sort((a, b) => a - b);
      return {
        nodeId,
        spans: n.spans,
        errors: n.errors,
        p50Ms: quantile(sorted, 0.5),
        p99Ms: quantile(sorted, 0.99),
      };
    })
    .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  return {
    run,
    durationMs,
    errors,
    nodes,
    series: {
      bucketMs: width,
      throughput: sends.map((n) => (n * 1000) / width),
      latencyP50: delays.map((d) =>
        quantile(
          d.sort((a, b) => a - b),
          0.5,
        ),
      ),
    },
  };
}
