/**
 * A finished run as counts per time bucket, so playback can show any moment without asking
 * the store again: per node and kind how many spans began in each bucket, and per hop
 * (parent span's node → span's node) how many messages crossed it.
 */
export interface RunTimeline {
  runId: string;
  /** Epoch ms of the first bucket's start. */
  start: number;
  /** Epoch ms of the last recorded span. */
  end: number;
  bucketMs: number;
  buckets: number;
  /** nodeId → kind → count per bucket (length `buckets`). */
  nodes: Record<string, Record<string, number[]>>;
  hops: Array<{ from: string; to: string; counts: number[] }>;
}

/** Cumulative sums of a timeline, built once so every moment costs O(nodes · kinds). */
export interface PlaybackIndex {
  timeline: RunTimeline;
  nodeSums: Array<{ nodeId: string; kind: string; sums: Int32Array }>;
  hopSums: Array<{ from: string; to: string; sums: Int32Array }>;
}

function prefix(counts: readonly number[]): Int32Array {
  const sums = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) sums[i + 1] = sums[i] + counts[i];
  return sums;
}

export function indexTimeline(timeline: RunTimeline): PlaybackIndex {
  const nodeSums: PlaybackIndex['nodeSums'] = [];
  for (const [nodeId, kinds] of Object.entries(timeline.nodes))
    for (const [kind, counts] of Object.entries(kinds)) nodeSums.push({ nodeId, kind, sums: prefix(counts) });
  const hopSums = timeline.hops.map((h) => ({ from: h.from, to: h.to, sums: prefix(h.counts) }));
  return { timeline, nodeSums, hopSums };
}

/** How many buckets lie wholly before `at` (clamped), i.e. what has happened by then. */
function bucketsBefore(t: RunTimeline, at: number): number {
  if (at >= t.end) return t.buckets;
  return Math.max(0, Math.min(t.buckets, Math.floor((at - t.start) / t.bucketMs)));
}

/** Per node, per kind: how many spans happened up to `at` (epoch ms). Nodes with none are absent. */
export function countsAt(index: PlaybackIndex, at: number): Record<string, Record<string, number>> {
  const upto = bucketsBefore(index.timeline, at);
  const out: Record<string, Record<string, number>> = {};
  for (const { nodeId, kind, sums } of index.nodeSums) {
    const n = sums[upto];
    if (n > 0) (out[nodeId] ??= {})[kind] = n;
  }
  return out;
}

/** The hops messages crossed in the `windowMs` before `at`, with how many did. */
export function activeHops(
  index: PlaybackIndex,
  at: number,
  windowMs: number,
): Array<{ from: string; to: string; count: number }> {
  const t = index.timeline;
  const hi = bucketsBefore(t, at);
  // At least one bucket, so a fast run still lights its edges at any speed.
  const lo = Math.max(0, Math.min(hi - 1, bucketsBefore(t, at - windowMs)));
  const out: Array<{ from: string; to: string; count: number }> = [];
  for (const { from, to, sums } of index.hopSums) {
    const count = sums[hi] - sums[lo];
    if (count > 0) out.push({ from, to, count });
  }
  return out;
}

/** A bucket width giving at most `maxBuckets` buckets for a run this long (whole ms, ≥ 1). */
export function bucketWidth(durationMs: number, maxBuckets: number): number {
  return Math.max(1, Math.ceil(Math.max(durationMs, 1) / maxBuckets));
}
