import type { InjectedFault, TraceEventKind, Transport } from '@shared/trace/events';
import { ByteReader } from './byte-codec';
import {
  E_DURATION,
  E_ERROR,
  E_FAULT,
  E_KEY,
  E_MESSAGE_ID,
  E_OFFSET,
  E_PARENT,
  E_PARTITION,
  HOLDS_ACK,
  M_KEY,
  M_PARTITION,
  type PackedRows,
} from './packed-layout';
import type { MessageToInsert, SpanToInsert } from './store';

/**
 * Receives the rows of a packed batch in order, field by field in column order (absent
 * optional fields as null), so a writer can bind them without building row objects.
 */
export interface RowVisitor {
  message(
    id: number,
    runId: string,
    traceId: string,
    spanId: string,
    nodeId: string,
    transport: string,
    destination: string,
    key: string | null,
    partition: number | null,
    ts: number,
    headers: Record<string, string>,
    /** A view into the batch, not a copy. */
    payload: Buffer,
  ): void;
  span(
    runId: string,
    traceId: string,
    spanId: string,
    parentSpanId: string | null,
    nodeId: string,
    kind: string,
    transport: string,
    destination: string,
    ts: number,
    partition: number | null,
    offset: string | null,
    key: string | null,
    messageId: number | null,
    durationMs: number | null,
    error: string | null,
    /** JSON of the InjectedFault. */
    fault: string | null,
    ackSpanId: string | null,
    ackTs: number | null,
    ackDurationMs: number | null,
  ): void;
}

/** Reads every row `RowPacker` packed into `rows`, messages first. */
export function visitRows(rows: PackedRows, visitor: RowVisitor): void {
  const s = rows.strings;
  const m = new ByteReader(rows.messages);
  for (let i = 0; i < rows.messageCount; i++) {
    const id = m.f64();
    const ts = m.f64();
    const runId = s[m.u32()];
    const nodeId = s[m.u32()];
    const transport = s[m.u32()];
    const destination = s[m.u32()];
    const traceId = m.str();
    const spanId = m.str();
    const flags = m.u8();
    const key = flags & M_KEY ? m.str() : null;
    const partition = flags & M_PARTITION ? m.i32() : null;
    const headers: Record<string, string> = {};
    for (let n = m.u32(); n > 0; n--) headers[m.str()] = m.str();
    const payload = m.bytes();
    visitor.message(
      id,
      runId,
      traceId,
      spanId,
      nodeId,
      transport,
      destination,
      key,
      partition,
      ts,
      headers,
      payload,
    );
  }
  const e = new ByteReader(rows.events);
  for (let i = 0; i < rows.eventCount; i++) {
    const ts = e.f64();
    const runId = s[e.u32()];
    const nodeId = s[e.u32()];
    const kind = s[e.u32()];
    const transport = s[e.u32()];
    const destination = s[e.u32()];
    const traceId = e.str();
    const spanId = e.str();
    const flags = e.u8();
    const parentSpanId = flags & E_PARENT ? e.str() : null;
    const partition = flags & E_PARTITION ? e.i32() : null;
    const offset = flags & E_OFFSET ? e.str() : null;
    const key = flags & E_KEY ? e.str() : null;
    const messageId = flags & E_MESSAGE_ID ? e.f64() : null;
    const durationMs = flags & E_DURATION ? e.f64() : null;
    const error = flags & E_ERROR ? e.str() : null;
    const fault = flags & E_FAULT ? e.str() : null;
    let ackSpanId: string | null = null;
    let ackTs: number | null = null;
    let ackDurationMs: number | null = null;
    if (HOLDS_ACK.has(kind)) {
      const held = e.u8() === 1;
      const ackSpan = e.ascii(16);
      const at = e.f64();
      const duration = e.f64();
      if (held) {
        ackSpanId = ackSpan;
        ackTs = at;
        ackDurationMs = duration;
      }
    }
    visitor.span(
      runId,
      traceId,
      spanId,
      parentSpanId,
      nodeId,
      kind,
      transport,
      destination,
      ts,
      partition,
      offset,
      key,
      messageId,
      durationMs,
      error,
      fault,
      ackSpanId,
      ackTs,
      ackDurationMs,
    );
  }
}

/** Rows as objects, for `Store.insertBatch`. */
export interface UnpackedRows {
  messages: MessageToInsert[];
  events: SpanToInsert[];
}

/** Rebuilds the rows `RowPacker` packed as objects; payloads are views into `rows.messages`, not copies. */
export function unpackRows(rows: PackedRows): UnpackedRows {
  const messages: MessageToInsert[] = [];
  const events: SpanToInsert[] = [];
  visitRows(rows, {
    message(
      id,
      runId,
      traceId,
      spanId,
      nodeId,
      transport,
      destination,
      key,
      partition,
      ts,
      headers,
      payload,
    ) {
      const message: MessageToInsert = {
        id,
        runId,
        traceId,
        spanId,
        nodeId,
        transport: transport as Transport,
        destination,
        ts,
        headers,
        payload,
      };
      if (key !== null) message.key = key;
      if (partition !== null) message.partition = partition;
      messages.push(message);
    },
    span(
      runId,
      traceId,
      spanId,
      parentSpanId,
      nodeId,
      kind,
      transport,
      destination,
      ts,
      partition,
      offset,
      key,
      messageId,
      durationMs,
      error,
      fault,
      ackSpanId,
      ackTs,
      ackDurationMs,
    ) {
      const event: SpanToInsert = {
        runId,
        nodeId,
        kind: kind as TraceEventKind,
        transport: transport as Transport,
        destination,
        traceId,
        spanId,
        parentSpanId,
        ts,
      };
      if (partition !== null) event.partition = partition;
      if (offset !== null) event.offset = offset;
      if (key !== null) event.key = key;
      if (messageId !== null) event.messageId = messageId;
      if (durationMs !== null) event.durationMs = durationMs;
      if (error !== null) event.error = error;
      if (fault !== null) event.fault = JSON.parse(fault) as InjectedFault;
      if (ackSpanId !== null)
        event.ack = { spanId: ackSpanId, ts: ackTs as number, durationMs: ackDurationMs as number };
      events.push(event);
    },
  });
  return { messages, events };
}
