import type {
  InjectedFault,
  RecordedMessageInput,
  TraceEvent,
  TraceEventKind,
  Transport,
} from '@shared/trace/events';
import { ByteReader, ByteWriter } from './byte-codec';
import type { MessageToInsert, SpanToInsert } from './store';

/**
 * Rows for one write, encoded into bytes as they are recorded: the recorded objects die
 * young instead of waiting in queues for the next flush, posting a batch to the writer
 * thread is a copy of two buffers, and payloads are copied, so a batch never pins the
 * socket buffer a consumed payload is a slice of.
 */
export interface PackedRows {
  messageCount: number;
  /** Rows of spans; `ackCount` more spans ride in deliver rows (folded acks). */
  eventCount: number;
  ackCount: number;
  /** Values that repeat row after row (run, node, transport, destination, kind), by index. */
  strings: string[];
  messages: Uint8Array;
  events: Uint8Array;
}

// Optional fields present in a row.
const M_KEY = 1;
const M_PARTITION = 2;
const E_PARENT = 1;
const E_PARTITION = 2;
const E_OFFSET = 4;
const E_KEY = 8;
const E_MESSAGE_ID = 16;
const E_DURATION = 32;
const E_ERROR = 64;
const E_FAULT = 128;

/**
 * Kinds whose row carries a slot for the ack of the same delivery: present (u8), the ack's
 * span id (16 ASCII bytes), ts and duration (f64 each). An ack recorded while its delivery
 * is still in the batch fills the slot instead of taking a row of its own.
 */
const HOLDS_ACK = new Set<string>(['deliver', 'redeliver']);
const ACK_SLOT = 1 + 16 + 8 + 8;
const SPAN_ID = /^[0-9a-f]{16}$/;

/** A delivery packed in this batch whose ack slot is still empty. */
interface OpenDelivery {
  event: TraceEvent;
  slot: number;
}

/** Packs rows as they are recorded; `take()` hands over a batch and starts the next. */
export class RowPacker {
  private messages = new ByteWriter();
  private events = new ByteWriter();
  private strings: string[] = [];
  private codes = new Map<string, number>();
  private messageCount = 0;
  private eventCount = 0;
  private ackCount = 0;
  private openDeliveries = new Map<string, OpenDelivery>();

  /** Messages plus event rows packed since the last `take()` (an ack folded into its delivery adds none). */
  get size(): number {
    return this.messageCount + this.eventCount;
  }

  addMessage(id: number, m: RecordedMessageInput): void {
    const w = this.messages;
    w.f64(id);
    w.f64(m.ts);
    w.u32(this.code(m.runId));
    w.u32(this.code(m.nodeId));
    w.u32(this.code(m.transport));
    w.u32(this.code(m.destination));
    w.str(m.traceId);
    w.str(m.spanId);
    w.u8((m.key !== undefined ? M_KEY : 0) | (m.partition !== undefined ? M_PARTITION : 0));
    if (m.key !== undefined) w.str(m.key);
    if (m.partition !== undefined) w.i32(m.partition);
    // The count goes in front once known: a value that is not a string is left out, as
    // JSON leaves out an undefined one.
    const countAt = w.length;
    w.u32(0);
    let count = 0;
    for (const name of Object.keys(m.headers)) {
      const value: unknown = m.headers[name];
      if (typeof value !== 'string') continue;
      w.str(name);
      w.str(value);
      count++;
    }
    w.u32At(countAt, count);
    w.bytes(m.payload);
    this.messageCount++;
  }

  addEvent(e: TraceEvent): void {
    if (e.kind === 'ack' && this.foldAck(e)) return;
    const w = this.events;
    w.f64(e.ts);
    w.u32(this.code(e.runId));
    w.u32(this.code(e.nodeId));
    w.u32(this.code(e.kind));
    w.u32(this.code(e.transport));
    w.u32(this.code(e.destination));
    w.str(e.traceId);
    w.str(e.spanId);
    w.u8(
      (e.parentSpanId != null ? E_PARENT : 0) |
        (e.partition != null ? E_PARTITION : 0) |
        (e.offset != null ? E_OFFSET : 0) |
        (e.key != null ? E_KEY : 0) |
        (e.messageId != null ? E_MESSAGE_ID : 0) |
        (e.durationMs != null ? E_DURATION : 0) |
        (e.error != null ? E_ERROR : 0) |
        (e.fault != null ? E_FAULT : 0),
    );
    if (e.parentSpanId != null) w.str(e.parentSpanId);
    if (e.partition != null) w.i32(e.partition);
    if (e.offset != null) w.str(e.offset);
    if (e.key != null) w.str(e.key);
    if (e.messageId != null) w.f64(e.messageId);
    if (e.durationMs != null) w.f64(e.durationMs);
    if (e.error != null) w.str(e.error);
    if (e.fault != null) w.str(JSON.stringify(e.fault));
    if (HOLDS_ACK.has(e.kind)) this.openDeliveries.set(e.spanId, { event: e, slot: w.slot(ACK_SLOT) });
    this.eventCount++;
  }

  /**
   * Puts an ack into its delivery's row when that row is in this batch and the ack says
   * nothing the row does not (same trace, node, place and message; no error or fault), so
   * reading it back gives the same span. Otherwise the ack gets a row of its own.
   */
  private foldAck(ack: TraceEvent): boolean {
    const open = ack.parentSpanId != null ? this.openDeliveries.get(ack.parentSpanId) : undefined;
    if (!open) return false;
    const d = open.event;
    if (
      ack.error != null ||
      ack.fault != null ||
      ack.durationMs == null ||
      ack.traceId !== d.traceId ||
      ack.runId !== d.runId ||
      ack.nodeId !== d.nodeId ||
      ack.transport !== d.transport ||
      ack.destination !== d.destination ||
      (ack.partition ?? null) !== (d.partition ?? null) ||
      (ack.offset ?? null) !== (d.offset ?? null) ||
      (ack.key ?? null) !== (d.key ?? null) ||
      (ack.messageId ?? null) !== (d.messageId ?? null) ||
      !SPAN_ID.test(ack.spanId)
    ) {
      return false;
    }
    this.openDeliveries.delete(ack.parentSpanId as string);
    const w = this.events;
    w.u8At(open.slot, 1);
    w.asciiAt(open.slot + 1, ack.spanId);
    w.f64At(open.slot + 17, ack.ts);
    w.f64At(open.slot + 25, ack.durationMs);
    this.ackCount++;
    return true;
  }

  /** Hands over everything packed so far and starts afresh. */
  take(): PackedRows {
    const rows: PackedRows = {
      messageCount: this.messageCount,
      eventCount: this.eventCount,
      ackCount: this.ackCount,
      strings: this.strings,
      messages: this.messages.take(),
      events: this.events.take(),
    };
    this.strings = [];
    this.codes = new Map();
    this.openDeliveries = new Map();
    this.messageCount = 0;
    this.eventCount = 0;
    this.ackCount = 0;
    return rows;
  }

  private code(s: string): number {
    let code = this.codes.get(s);
    if (code === undefined) {
      code = this.strings.push(s) - 1;
      this.codes.set(s, code);
    }
    return code;
  }
}

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
