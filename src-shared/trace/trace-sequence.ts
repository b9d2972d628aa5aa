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
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const start = sorted.length > 0 ? sorted[0].ts : 0;
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
