import type Database from 'better-sqlite3';
import type { PackedRows } from './packed-layout';
import { visitRows, type RowVisitor } from './read-packed-rows';
import type { Statements } from './statements';
import type { FlushInfo, MessageToInsert, SpanToInsert } from './store';
import { createTimeMarkWriter, TimeSpan } from './time-marks';

/** The payload as a Buffer (what better-sqlite3 binds as a BLOB): a view, never a copy. */
function blob(payload: Uint8Array): Buffer {
  return Buffer.isBuffer(payload)
    ? payload
    : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
}

/**
 * Builds the store's `insertBatch`: every message and span in ONE transaction, with the
 * per-run counts updated in the same transaction (one UPDATE per run per batch).
 */
export function createBatchInsert(
  db: Database.Database,
  s: Statements,
): (messages: MessageToInsert[], events: SpanToInsert[]) => void {
  const writeTimeMark = createTimeMarkWriter(db);
  return db.transaction((messages: MessageToInsert[], events: SpanToInsert[]): void => {
    const times = new TimeSpan();
    const counts = new Map<string, { messages: number; events: number }>();
    const countFor = (runId: string): { messages: number; events: number } => {
      let c = counts.get(runId);
      if (!c) counts.set(runId, (c = { messages: 0, events: 0 }));
      return c;
    };
    // Values go in as arguments, not spread from a params array per row: this loop runs
    // for every recorded row, and those arrays were a measurable part of its cost.
    for (const m of messages) {
      const payload = blob(m.payload);
      s.insertMessage.run(
        m.id,
        m.runId,
        m.traceId,
        m.spanId,
        m.nodeId,
        m.transport,
        m.destination,
        m.key ?? null,
        m.partition ?? null,
        m.ts,
        JSON.stringify(m.headers),
        payload,
        payload.byteLength,
      );
      times.add(m.id, m.ts);
      countFor(m.runId).messages++;
    }
    for (const e of events) {
      s.insertEvent.run(
        e.runId,
        e.traceId,
        e.spanId,
        e.parentSpanId,
        e.nodeId,
        e.kind,
        e.transport,
        e.destination,
        e.ts,
        e.partition ?? null,
        e.offset ?? null,
        e.key ?? null,
        e.messageId ?? null,
        e.durationMs ?? null,
        e.error ?? null,
        e.fault ? JSON.stringify(e.fault) : null,
        e.ack ? e.ack.spanId : null,
        e.ack ? e.ack.ts : null,
        e.ack ? e.ack.durationMs : null,
      );
      countFor(e.runId).events += e.ack ? 2 : 1;
    }
    for (const [runId, c] of counts) s.addRunCounts.run(c.messages, c.events, runId);
    writeTimeMark(times);
  });
}

/**
 * Builds the store's `insertPacked`: the rows of every batch bound straight from their
 * bytes, in ONE transaction, with the per-run counts as in `insertBatch`.
 */
export function createPackedInsert(
  db: Database.Database,
  s: Statements,
): (batches: PackedRows[]) => FlushInfo {
  const writeTimeMark = createTimeMarkWriter(db);
  return db.transaction((batches: PackedRows[]): FlushInfo => {
    const times = new TimeSpan();
    const info: FlushInfo = { lastMessageIdByRun: {}, messagesByRun: {} };
    const spansByRun = new Map<string, number>();
    const visitor: RowVisitor = {
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
        s.insertMessage.run(
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
          JSON.stringify(headers),
          payload,
          payload.byteLength,
        );
        times.add(id, ts);
        const last = info.lastMessageIdByRun[runId];
        if (last === undefined || id > last) info.lastMessageIdByRun[runId] = id;
        info.messagesByRun[runId] = (info.messagesByRun[runId] ?? 0) + 1;
      },
      // Arguments passed one by one, not as a rest array: this runs for every recorded span.
      span(
        runId,
        traceId,
        spanId,
        parent,
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
        s.insertEvent.run(
          runId,
          traceId,
          spanId,
          parent,
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
        spansByRun.set(runId, (spansByRun.get(runId) ?? 0) + (ackSpanId === null ? 1 : 2));
      },
    };
    for (const batch of batches) visitRows(batch, visitor);
    const runs = new Set([...Object.keys(info.messagesByRun), ...spansByRun.keys()]);
    for (const runId of runs)
      s.addRunCounts.run(info.messagesByRun[runId] ?? 0, spansByRun.get(runId) ?? 0, runId);
    writeTimeMark(times);
    return info;
  });
}
