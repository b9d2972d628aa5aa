import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedMessageInput, TraceEvent } from '@shared/trace/events';
import { newSpanId, newTraceId } from '../../src-main/engine/trace/traceparent';
import { openStore } from '../../src-main/store/open-store';
import { Recorder } from '../../src-main/store/recorder';
import { N, PAYLOAD, startClock, type Measured } from './settings';

/** What a Kafka path of N messages records: a payload and produce, deliver, ack per message. */
interface Recorded {
  messages: RecordedMessageInput[];
  events: TraceEvent[];
}

const RUN_ID = 'bench-run';
const WARM_UP_RUN_ID = 'bench-warm-up';
/** Messages the flow hands over per broker callback (one produce batch). */
const SLICE = 500;
/** Rows per transaction of the bare writer (the recorder's default flush size). */
const BARE_BATCH = 5000;

function recordedRun(): Recorded {
  const messages: RecordedMessageInput[] = [];
  const events: TraceEvent[] = [];
  const at = Date.now();
  for (let i = 0; i < N; i++) {
    const traceId = newTraceId();
    const produce = newSpanId();
    const deliver = newSpanId();
    const base = { runId: RUN_ID, traceId, transport: 'kafka' as const, destination: 'orders', ts: at + i };
    messages.push({
      ...base,
      spanId: produce,
      nodeId: 'p',
      headers: { traceparent: `00-${traceId}-${produce}-01` },
      payload: PAYLOAD,
    });
    const event = (kind: 'produce' | 'deliver' | 'ack', spanId: string, parentSpanId: string | null) => ({
      ...base,
      spanId,
      parentSpanId,
      nodeId: kind === 'produce' ? 'p' : 'c',
      kind,
      partition: i % 3,
      offset: String(i),
      messageId: i + 1,
      durationMs: kind === 'deliver' ? undefined : 1,
    });
    events.push(
      event('produce', produce, null),
      event('deliver', deliver, produce),
      event('ack', newSpanId(), deliver),
    );
  }
  return { messages, events };
}

function freshStore(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flowbench-bench-rec-'));
  const file = join(dir, 'flowbench.db');
  const store = openStore(file);
  store.createRun({
    id: RUN_ID,
    flowName: 'bench',
    flowJson: '{}',
    environment: 'bench',
    startedAt: Date.now(),
  });
  store.createRun({
    id: WARM_UP_RUN_ID,
    flowName: 'bench warm-up',
    flowJson: '{}',
    environment: 'bench',
    startedAt: Date.now(),
  });
  store.close();
  return { dir, file };
}

/** The recorder as the engine sets it up (writer thread), fed a produce batch per turn; rows per second. */
export async function recorderRate(run: Recorded = recordedRun()): Promise<Measured> {
  const { dir, file } = freshStore();
  const store = openStore(file);
  const recorder = new Recorder(store, {
    writerThread: { file },
    onError: (e) => {
      throw e;
    },
  });
  try {
    // Outside the clock, as the bare side opens its connection and prepares its statements
    // before timing: the writer thread starts, opens the file and commits a first row.
    recorder.recordMessage({ ...run.messages[0], runId: WARM_UP_RUN_ID });
    await recorder.flushAsync();
    const stop = startClock();
    for (let i = 0; i < N; i += SLICE) {
      for (let j = i; j < Math.min(N, i + SLICE); j++) {
        recorder.recordMessage(run.messages[j]);
        for (let k = 3 * j; k < 3 * j + 3; k++) recorder.recordEvent(run.events[k]);
      }
      await new Promise((r) => setImmediate(r));
    }
    await recorder.flushAsync();
    const measured = stop(4 * N);
    const counted = store.getRun(RUN_ID);
    if (counted?.messageCount !== N || counted.eventCount !== 3 * N) throw new Error('recorder lost rows');
    return measured;
  } finally {
    recorder.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Plain better-sqlite3 on the same schema and pragmas: the same rows (three per message: the
 * payload, the produce span, the delivery with its ack), BARE_BATCH events per transaction.
 */
export async function bareSqliteRate(run: Recorded = recordedRun()): Promise<Measured> {
  const { dir, file } = freshStore();
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const insertMessage = db.prepare(
      `INSERT INTO messages (id, run_id, trace_id, span_id, node_id, transport, destination, key, partition,
         ts, headers, payload, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEvent = db.prepare(
      `INSERT INTO spans (run_id, trace_id, span_id, parent_span_id, node_id, kind, transport, destination,
         ts, partition, offset, key, message_id, duration_ms, error, fault, settle_span_id, settle_ts,
         settle_duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const count = db.prepare(
      'UPDATE runs SET message_count = message_count + ?, event_count = event_count + ? WHERE id = ?',
    );
    const perTx = BARE_BATCH / 4;
    const write = db.transaction((from: number, to: number) => {
      for (let j = from; j < to; j++) {
        const m = run.messages[j];
        insertMessage.run(
          j + 1,
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
          m.payload,
          m.payload.byteLength,
        );
        // The same rows the recorder writes: the produce span, and the delivery holding its ack.
        for (let k = 3 * j; k < 3 * j + 2; k++) {
          const e = run.events[k];
          const ack = k === 3 * j + 1 ? run.events[k + 1] : undefined;
          insertEvent.run(
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
            null,
            ack ? ack.spanId : null,
            ack ? ack.ts : null,
            ack ? (ack.durationMs ?? null) : null,
          );
        }
      }
      count.run(to - from, 3 * (to - from), RUN_ID);
    });
    const stop = startClock();
    for (let i = 0; i < N; i += perTx) write(i, Math.min(N, i + perTx));
    return stop(4 * N);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export { recordedRun };
