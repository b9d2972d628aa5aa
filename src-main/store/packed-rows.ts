import type { RecordedMessageInput, TraceEvent } from '@shared/trace/events';
import { ByteWriter } from './byte-codec';
import {
  ACK_SLOT,
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

export type { PackedRows } from './packed-layout';

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
