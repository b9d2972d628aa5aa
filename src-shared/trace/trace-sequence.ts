import type { TraceEvent, TraceEventKind } from './events';

/** One lifeline of a sequence diagram: a node of the flow. */
export interface SequenceParticipant {
  nodeId: string;
  /** The node's name when known, else its id. */
  label: string;
}

/** One message between lifelines (or on one, `from === to`), in time order. */
export interface SequenceArrow {
  from: number;
  to: number;
  kind: TraceEventKind;
  /** e.g. `produce orders` or `ack`. Untrusted text (destinations come from the flow and brokers). */
  label: string;
  /** Milliseconds from the trace's first event. */
  at: number;
  failed: boolean;
  spanId: string;
}

export interface SequenceModel {
  participants: SequenceParticipant[];
  arrows: SequenceArrow[];
}

const FAILED: ReadonlySet<TraceEventKind> = new Set(['error', 'nack', 'invalid', 'unroutable']);
/** Replies travel back to where the call came from. */
const REPLIES: ReadonlySet<TraceEventKind> = new Set(['respond']);
/** Spans that say what happened AT a node rather than carry the message between nodes. */
const LOCAL: ReadonlySet<TraceEventKind> = new Set([
  'ack',
  'nack',
  'error',
  'drop',
  'invalid',
  'fault',
  'append',
]);

/**
 * A trace as a sequence diagram: participants are the nodes in order of first appearance,
 * arrows are hops. A span whose parent sits on another node is an arrow from the parent's
 * node to its own (a reply goes the other way); a root span sent somewhere (produce, call)
 * is an arrow to its destination as a participant of its own; settles are self-arrows.
 * Pure data, so the UI draws it as SVG and exports can write it as Mermaid.
 */
export function traceToSequence(
  events: readonly TraceEvent[],
  nameOf: (nodeId: string) => string | undefined = () => undefined,
): SequenceModel {
  const participants: SequenceParticipant[] = [];
  const index = new Map<string, number>();
  const lane = (nodeId: string, label?: string): number => {
    let i = index.get(nodeId);
    if (i === undefined) {
      i = participants.length;
      index.set(nodeId, i);
      participants.push({ nodeId, label: label ?? nameOf(nodeId) ?? nodeId });
    }
    return i;
  };
  const bySpan = new Map<string, TraceEvent>();
  for (const e of events) if (!bySpan.has(e.spanId)) bySpan.set(e.spanId, e);
  const received = new Set<string>();
  for (const e of events) {
    const parent = e.parentSpanId === null ? undefined : bySpan.get(e.parentSpanId);
    if (parent && parent.nodeId !== e.nodeId) received.add(parent.spanId);
  }
  const sorted = causalOrder(events, bySpan);
  let start = Infinity;
  for (const e of events) start = Math.min(start, e.ts);
  if (!Number.isFinite(start)) start = 0;
  const arrows: SequenceArrow[] = [];
  for (const e of sorted) {
    const parent = e.parentSpanId === null ? undefined : bySpan.get(e.parentSpanId);
    const self = lane(e.nodeId);
    let from = self;
    let to = self;
    if (parent && parent.nodeId !== e.nodeId) {
      const other = lane(parent.nodeId);
      if (REPLIES.has(e.kind)) to = other;
      else from = other;
    } else if (!parent && !LOCAL.has(e.kind) && e.destination && !received.has(e.spanId)) {
      // A root hop with no recorded receiver (a queue no node reads): the destination is the lane.
      to = lane(`dest:${e.destination}`, e.destination);
    }
    arrows.push({
      from,
      to,
      kind: e.kind,
      label: LOCAL.has(e.kind) || !e.destination ? e.kind : `${e.kind} ${e.destination}`,
      at: e.ts - start,
      failed: FAILED.has(e.kind) || e.error !== undefined,
      spanId: e.spanId,
    });
  }
  return { participants, arrows };
}

/**
 * Events by time, but never before their parent: a delivery stamped in the same millisecond
 * as its produce (or earlier, on another clock) still comes after it.
 */
function causalOrder(events: readonly TraceEvent[], bySpan: Map<string, TraceEvent>): TraceEvent[] {
  const key = new Map<TraceEvent, { at: number; depth: number }>();
  const keyOf = (e: TraceEvent): { at: number; depth: number } => {
    const known = key.get(e);
    if (known) return known;
    // Walk up iteratively (a long chain must not overflow the stack), then fill in downwards.
    const chain: TraceEvent[] = [];
    const seen = new Set<TraceEvent>();
    let cur: TraceEvent | undefined = e;
    while (cur && !key.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      chain.push(cur);
      cur = cur.parentSpanId === null ? undefined : bySpan.get(cur.parentSpanId);
    }
    let above = cur ? key.get(cur) : undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      const k = above
        ? { at: Math.max(chain[i].ts, above.at), depth: above.depth + 1 }
        : { at: chain[i].ts, depth: 0 };
      key.set(chain[i], k);
      above = k;
    }
    return key.get(e)!;
  };
  return [...events].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka.at - kb.at || ka.depth - kb.depth;
  });
}
