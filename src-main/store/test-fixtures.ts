import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedMessageInput, TraceEvent } from '@shared/trace/events';

/** A fresh temp folder and a database path inside it (in a subfolder openStore must create). */
export function tempDbFile(): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'flowbench-store-'));
  return {
    dir,
    file: join(dir, 'ws', 'flowbench.db'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A 32-hex trace id that differs per `n`. */
export function traceId(n: number): string {
  return n.toString(16).padStart(32, '0');
}

/** A 16-hex span id that differs per `n`. */
export function spanId(n: number): string {
  return n.toString(16).padStart(16, '0');
}

/** A recorded message with sensible defaults. */
export function sampleMessage(over: Partial<RecordedMessageInput> = {}): RecordedMessageInput {
  return {
    runId: 'run-1',
    traceId: traceId(1),
    spanId: spanId(1),
    nodeId: 'producer-1',
    transport: 'kafka',
    destination: 'orders',
    ts: 1_700_000_000_000.5,
    headers: { traceparent: `00-${traceId(1)}-${spanId(1)}-01`, 'content-type': 'application/json' },
    payload: new TextEncoder().encode('{"order":1}'),
    ...over,
  };
}

/** A produce event with no optional fields, unless given. */
export function sampleEvent(over: Partial<TraceEvent> = {}): TraceEvent {
  return {
    runId: 'run-1',
    traceId: traceId(1),
    spanId: spanId(1),
    parentSpanId: null,
    nodeId: 'producer-1',
    kind: 'produce',
    transport: 'kafka',
    destination: 'orders',
    ts: 1_700_000_000_000.5,
    ...over,
  };
}
