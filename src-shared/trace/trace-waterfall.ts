import type { TraceEvent, TraceEventKind } from './events';

/** How a span (or a group of delivery attempts) ended. */
export type SpanOutcome = 'ok' | 'error' | 'nacked' | 'dead-lettered' | 'dropped' | 'open';

/** One row of the waterfall: a span, or the attempts of one delivery grouped together. */
export interface WaterfallRow {
  /** The span id of the row's first event (unique within the trace). */
  key: string;
  depth: number;
  event: TraceEvent;
  /** `retry` when a delivery took more than one attempt. */
  label: TraceEventKind | 'retry';
  /** Deliveries of the same message to the same node, counted once per broker hand-out. */
  attempts: number;
  /** Milliseconds from the trace's first event. */
  start: number;
  /** Milliseconds the span lasted (its own duration, else until its last child ended). */
  duration: number;
  outcome: SpanOutcome;
  /** The first error text of the row and its settles: untrusted, render as text. */
  error?: string;
  /** Set on a settle (ack, nack, error) that belongs to one attempt of a grouped delivery. */
  attempt?: number;
}

export interface Waterfall {
  rows: WaterfallRow[];
  startTs: number;
  /** Milliseconds from the first event to the last end. */
  total: number;
  spanCount: number;
}

const DELIVERIES: ReadonlySet<TraceEventKind> = new Set(['deliver', 'redeliver']);
const FAILURES: ReadonlySet<TraceEventKind> = new Set(['error', 'nack', 'invalid', 'unroutable']);

const endOf = (e: TraceEvent): number => e.ts + (e.durationMs ?? 0);

/**
 * Turns a trace's events into waterfall rows in tree order: children under their parent
 * span (by time), spans whose parent is not in the trace at the top. Deliveries of one
 * message to one node (a first delivery and its redeliveries) become ONE row with an
 * attempt count, their settles nested under it. Iterative, so a 10,000-span chain is fine.
 */
export function buildWaterfall(events: readonly TraceEvent[]): Waterfall {
  if (events.length === 0) return { rows: [], startTs: 0, total: 0, spanCount: 0 };
  const byId = new Map<string, TraceEvent>();
  for (const e of events) if (!byId.has(e.spanId)) byId.set(e.spanId, e);
  const children = new Map<string | null, TraceEvent[]>();
  let startTs = Infinity;
  for (const e of events) {
    startTs = Math.min(startTs, e.ts);
    const parent =
      e.parentSpanId !== null && byId.has(e.parentSpanId) && byId.get(e.parentSpanId) !== e
        ? e.parentSpanId
        : null;
    const list = children.get(parent);
    if (list) list.push(e);
    else children.set(parent, [e]);
  }
  for (const list of children.values()) list.sort((a, b) => a.ts - b.ts);

  const rows: WaterfallRow[] = [];
  let lastEnd = startTs;
  // Each stack entry is one row to emit: its events (one, or a delivery's attempts) and depth.
  type Item = { events: TraceEvent[]; depth: number; attempt?: number };
  const stack: Item[] = groupSiblings(children.get(null) ?? [])
    .reverse()
    .map((g) => ({ events: g, depth: 0 }));
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    const first = item.events[0];
    const settles: Array<{ e: TraceEvent; attempt?: number }> = [];
    item.events.forEach((e, i) => {
      for (const c of children.get(e.spanId) ?? [])
        settles.push({ e: c, attempt: item.events.length > 1 ? i + 1 : undefined });
    });
    settles.sort((a, b) => a.e.ts - b.e.ts);
    let end = endOf(item.events[item.events.length - 1]);
    // A delivery lasts until it is settled; other spans carry their own duration.
    if (DELIVERIES.has(first.kind)) for (const s of settles) end = Math.max(end, endOf(s.e));
    lastEnd = Math.max(lastEnd, end);
    const row: WaterfallRow = {
      key: first.spanId,
      depth: item.depth,
      event: first,
      label: item.events.length > 1 ? 'retry' : first.kind,
      attempts: item.events.length,
      start: first.ts - startTs,
      duration: Math.max(0, end - first.ts),
      outcome: outcomeOf(
        item.events,
        settles.map((s) => s.e),
      ),
    };
    const error = [...item.events, ...settles.map((s) => s.e)].find((e) => e.error)?.error;
    if (error !== undefined) row.error = error;
    if (item.attempt !== undefined) row.attempt = item.attempt;
    rows.push(row);
    // Settles of every attempt in time order, each a group of its own (they are not deliveries).
    const next: Item[] = [];
    const bySibling = groupSiblings(settles.map((s) => s.e));
    const attemptOf = new Map(settles.map((s) => [s.e, s.attempt]));
    for (const g of bySibling) next.push({ events: g, depth: item.depth + 1, attempt: attemptOf.get(g[0]) });
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return { rows, startTs, total: lastEnd - startTs, spanCount: events.length };
}

/** Siblings in time order; deliveries to the same node (and destination) merge into one group. */
function groupSiblings(siblings: readonly TraceEvent[]): TraceEvent[][] {
  const groups: TraceEvent[][] = [];
  const deliveryGroup = new Map<string, TraceEvent[]>();
  for (const e of siblings) {
    if (!DELIVERIES.has(e.kind)) {
      groups.push([e]);
      continue;
    }
    const k = `${e.nodeId}\u0000${e.destination}`;
    const g = deliveryGroup.get(k);
    if (g) g.push(e);
    else {
      const fresh = [e];
      deliveryGroup.set(k, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/** A row's outcome from its own events and the settles under them (the last settle decides). */
function outcomeOf(own: readonly TraceEvent[], settles: readonly TraceEvent[]): SpanOutcome {
  const last = own[own.length - 1];
  if (last.kind === 'drop') return 'dropped';
  if (FAILURES.has(last.kind) || last.error) return last.kind === 'nack' ? 'nacked' : 'error';
  if (!DELIVERIES.has(last.kind)) return settles.some((s) => FAILURES.has(s.kind)) ? 'error' : 'ok';
  const final = settles[settles.length - 1];
  if (!final) return 'open';
  if (final.kind === 'ack') return 'ok';
  // The last hand-out was refused and no later one came: the broker dead-letters (or drops) it.
  if (final.kind === 'nack') return 'dead-lettered';
  return FAILURES.has(final.kind) ? 'error' : 'ok';
}
