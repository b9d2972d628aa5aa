import type { MessageDetail, MessageRow, RunSummary } from '@shared/api/contract';
import type { InjectedFault, TraceEvent, TraceEventKind, Transport } from '@shared/trace/events';

/** A `runs` row joined with its counts, as the run queries select it. */
export interface RunDbRow {
  id: string;
  flow_name: string;
  environment: string;
  state: string;
  started_at: number;
  ended_at: number | null;
  message_count: number;
  event_count: number;
}

/** The `messages` columns the message list shows (no payload, no headers). */
export interface MessageListDbRow {
  id: number;
  run_id: string;
  trace_id: string;
  node_id: string;
  transport: string;
  destination: string;
  key: string | null;
  partition: number | null;
  ts: number;
  size: number;
}

/** A full `messages` row. */
export interface MessageDbRow extends MessageListDbRow {
  headers: string;
  payload: Buffer;
}

/** A full `events` row. */
export interface EventDbRow {
  id: number;
  run_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  node_id: string;
  kind: string;
  transport: string;
  destination: string;
  ts: number;
  partition: number | null;
  offset: string | null;
  key: string | null;
  message_id: number | null;
  duration_ms: number | null;
  error: string | null;
  /** JSON of the InjectedFault, when the event was caused by one. */
  fault: string | null;
}

/** Maps a run row to the contract's summary. */
export function toRunSummary(r: RunDbRow): RunSummary {
  return {
    id: r.id,
    flowName: r.flow_name,
    environment: r.environment,
    state: r.state,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    messageCount: r.message_count,
    eventCount: r.event_count,
  };
}

/** Maps a message row to the contract's list row; nullable columns stay null. */
export function toMessageRow(r: MessageListDbRow): MessageRow {
  return {
    id: r.id,
    runId: r.run_id,
    ts: r.ts,
    nodeId: r.node_id,
    // Only the recorder writes this column, from the same `Transport` type.
    transport: r.transport as Transport,
    destination: r.destination,
    key: r.key,
    partition: r.partition,
    size: r.size,
    traceId: r.trace_id,
  };
}

// fatal: invalid UTF-8 must fall back to base64 rather than show U+FFFD.
// ignoreBOM: keep a leading BOM so the text is exactly the bytes that were sent.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Maps a message row and its trace to the contract's detail: text when valid UTF-8, else base64. */
export function toMessageDetail(r: MessageDbRow, trace: TraceEvent[]): MessageDetail {
  let payloadText: string | null = null;
  let payloadBase64: string | null = null;
  try {
    payloadText = utf8.decode(r.payload);
  } catch {
    payloadBase64 = r.payload.toString('base64');
  }
  return {
    ...toMessageRow(r),
    headers: JSON.parse(r.headers) as Record<string, string>,
    payloadText,
    payloadBase64,
    trace,
  };
}

/** Maps an event row to the shared `TraceEvent`; optional fields are omitted when NULL. */
export function toTraceEvent(r: EventDbRow): TraceEvent {
  const e: TraceEvent = {
    runId: r.run_id,
    traceId: r.trace_id,
    spanId: r.span_id,
    parentSpanId: r.parent_span_id,
    nodeId: r.node_id,
    kind: r.kind as TraceEventKind,
    transport: r.transport as Transport,
    destination: r.destination,
    ts: r.ts,
  };
  if (r.partition !== null) e.partition = r.partition;
  if (r.offset !== null) e.offset = r.offset;
  if (r.key !== null) e.key = r.key;
  if (r.message_id !== null) e.messageId = r.message_id;
  if (r.duration_ms !== null) e.durationMs = r.duration_ms;
  if (r.error !== null) e.error = r.error;
  if (r.fault) e.fault = JSON.parse(r.fault) as InjectedFault;
  return e;
}
