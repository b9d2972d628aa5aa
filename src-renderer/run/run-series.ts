import type { NodeCounters } from '@shared/run/counters';
import { RingBuffer } from './ring-buffer';
import { RunHistory, type MergeRule } from './run-history';

/** Seconds of rate the sparkline on a node shows (one sample a second). */
export const SPARKLINE_SECONDS = 60;
/** Rows of the run charts; past this the history halves its resolution. */
export const HISTORY_ROWS = 720;

/** Column keys of the run history. */
export const rateKey = (id: string): string => `rate:${id}`;
export const p50Key = (id: string): string => `p50:${id}`;
export const p99Key = (id: string): string => `p99:${id}`;
export const TOTAL_KEY = 'total';

const ruleOf = (key: string): MergeRule => (key.startsWith('p99:') ? 'max' : 'mean');

/** What a node moved: the larger of sent and received, as the engine's `rate` counts it. */
const moved = (c: NodeCounters): number => Math.max(c.sent, c.received);

/**
 * The time series of one run, sampled once a second from the latest counter batch: a
 * 60-second rate ring per node (sparklines) and the whole run's history (charts). Rates come
 * from counter differences over the engine's own batch times, so they do not jitter with
 * when the sample happens to be taken.
 */
export class RunSeries {
  runId: string | null = null;
  readonly history = new RunHistory(HISTORY_ROWS, ruleOf);
  private readonly rings = new Map<string, RingBuffer>();
  private prev: { at: number; byNode: Record<string, NodeCounters> } | null = null;

  /**
   * Takes one sample at `now` (ms) from the latest batch (`at`, engine ms). A batch that is
   * not newer than the last sample means nothing moved: every rate is 0. The total counts
   * what sources (`isSource`) send, so a message is not counted again at every hop.
   */
  sample(
    runId: string,
    at: number,
    byNode: Record<string, NodeCounters>,
    now: number,
    isSource: (id: string) => boolean = () => true,
  ): void {
    if (runId !== this.runId) this.reset(runId);
    const prev = this.prev;
    const seconds = prev && at > prev.at ? (at - prev.at) / 1000 : 0;
    const row: Record<string, number | undefined> = {};
    let total = 0;
    for (const [id, c] of Object.entries(byNode)) {
      const before = prev?.byNode[id];
      const rate = before && seconds > 0 ? Math.max(0, moved(c) - moved(before)) / seconds : 0;
      if (before && seconds > 0 && isSource(id)) total += Math.max(0, c.sent - before.sent) / seconds;
      this.ring(id).push(rate);
      row[rateKey(id)] = rate;
      row[p50Key(id)] = c.p50Ms;
      row[p99Key(id)] = c.p99Ms;
    }
    row[TOTAL_KEY] = total;
    // The first batch of a run is the baseline the rates are measured from, not a point.
    if (prev) this.history.append(now / 1000, row);
    if (!prev || at > prev.at) this.prev = { at, byNode };
  }

  /** The node's last minute of rates, oldest first (empty before its first sample). */
  sparkline(id: string): RingBuffer | undefined {
    return this.rings.get(id);
  }

  /** The `n` nodes that moved the most messages over the last `rows` samples, busiest first. */
  busiest(n: number, rows = 60): string[] {
    return [...this.rings.keys()]
      .map((id) => ({ id, sum: this.history.recentSum(rateKey(id), rows) }))
      .filter((x) => x.sum > 0)
      .sort((a, b) => b.sum - a.sum)
      .slice(0, n)
      .map((x) => x.id);
  }

  reset(runId: string | null): void {
    this.runId = runId;
    this.history.clear();
    this.rings.clear();
    this.prev = null;
  }

  private ring(id: string): RingBuffer {
    let r = this.rings.get(id);
    if (!r) {
      r = new RingBuffer(SPARKLINE_SECONDS);
      this.rings.set(id, r);
    }
    return r;
  }
}
