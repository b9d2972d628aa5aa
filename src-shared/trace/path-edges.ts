/** An edge of the flow as the path finder needs it. */
export interface PathEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * The flow edges a hop between two nodes travelled: a direct edge (either direction, so a
 * reply lights its call), or two edges through one node in between (producer → topic →
 * consumer, where the topic node records no span of its own).
 */
export function edgesForHops(
  edges: readonly PathEdge[],
  hops: ReadonlyArray<{ from: string; to: string }>,
): Set<string> {
  const out = new Map<string, PathEdge[]>();
  const into = new Map<string, PathEdge[]>();
  for (const e of edges) {
    listOf(out, e.source).push(e);
    listOf(into, e.target).push(e);
  }
  const lit = new Set<string>();
  for (const { from, to } of hops) {
    if (from === to) continue;
    let direct = false;
    for (const e of out.get(from) ?? [])
      if (e.target === to) {
        lit.add(e.id);
        direct = true;
      }
    for (const e of out.get(to) ?? [])
      if (e.target === from) {
        lit.add(e.id);
        direct = true;
      }
    if (direct) continue;
    const arriving = into.get(to) ?? [];
    for (const first of out.get(from) ?? [])
      for (const second of arriving)
        if (second.source === first.target) {
          lit.add(first.id);
          lit.add(second.id);
        }
  }
  return lit;
}

/** Hops of a trace: from each span's parent node to its own node (when they differ). */
export function traceHops(
  events: ReadonlyArray<{ spanId: string; parentSpanId: string | null; nodeId: string }>,
): Array<{ from: string; to: string }> {
  const nodeOf = new Map<string, string>();
  for (const e of events) if (!nodeOf.has(e.spanId)) nodeOf.set(e.spanId, e.nodeId);
  const seen = new Set<string>();
  const hops: Array<{ from: string; to: string }> = [];
  for (const e of events) {
    const from = e.parentSpanId === null ? undefined : nodeOf.get(e.parentSpanId);
    if (from === undefined || from === e.nodeId) continue;
    const k = `${from}\u0000${e.nodeId}`;
    if (seen.has(k)) continue;
    seen.add(k);
    hops.push({ from, to: e.nodeId });
  }
  return hops;
}

function listOf<V>(map: Map<string, V[]>, key: string): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}
