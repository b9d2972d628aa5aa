import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TraceEvent } from '@shared/trace/events';
import { newSpanId, newTraceId } from '../../src-main/engine/trace/traceparent';
import { openStore } from '../../src-main/store/open-store';
import { Recorder } from '../../src-main/store/recorder';
import { N, PAYLOAD } from './settings';

/*
 * What recording one message costs in CPU, brokers left out: a payload and the produce,
 * deliver and ack spans, made the way the graph makes them (fresh objects, a produce batch
 * per turn), through the Recorder with its writer thread, until all is in SQLite. Prints
 * µs of CPU per message for the whole process and per thread (Linux /proc), five runs.
 * The steadiest figure on a shared machine: other processes take wall-clock time, not ours.
 * `sh bench/runtime/build-profile.sh && node .prof/recording-cost.cjs`
 */

/** CPU ms per thread of this process, by thread id (Linux only; empty elsewhere). */
function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks of 10 ms.
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  } catch {
    // Not Linux, or a thread ended while being read: per-thread figures are left out.
  }
  return out;
}

async function once(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'flowbench-bench-cost-'));
  const file = join(dir, 'flowbench.db');
  const store = openStore(file);
  store.createRun({
    id: 'r',
    flowName: 'bench',
    flowJson: '{}',
    environment: 'bench',
    startedAt: Date.now(),
  });
  const recorder = new Recorder(store, {
    writerThread: { file },
    onError: (e) => {
      throw e;
    },
  });
  const threads0 = threadCpuMs();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i += 500) {
    for (let j = i; j < Math.min(N, i + 500); j++) {
      const traceId = newTraceId();
      const spanId = newSpanId();
      const at = Date.now();
      const place = {
        transport: 'kafka' as const,
        destination: 'orders',
        partition: j % 3,
        offset: String(j),
      };
      const messageId = recorder.recordMessage({
        runId: 'r',
        traceId,
        spanId,
        nodeId: 'p',
        transport: 'kafka',
        destination: 'orders',
        ts: at,
        headers: { traceparent: `00-${traceId}-${spanId}-01` },
        payload: Buffer.from(PAYLOAD),
      });
      const span = (
        kind: TraceEvent['kind'],
        id: string,
        parent: string | null,
        ts: number,
        ms?: number,
      ): TraceEvent => ({
        runId: 'r',
        traceId,
        spanId: id,
        parentSpanId: parent,
        nodeId: kind === 'produce' ? 'p' : 'c',
        kind,
        ...place,
        ts,
        messageId,
        durationMs: ms,
      });
      recorder.recordEvent(span('produce', spanId, null, at, 1));
      const deliver = newSpanId();
      recorder.recordEvent(span('deliver', deliver, spanId, at));
      recorder.recordEvent(span('ack', newSpanId(), deliver, at + 1, 1));
    }
    await new Promise((r) => setImmediate(r));
  }
  await recorder.flushAsync();
  const cpu = process.cpuUsage(cpu0);
  const threads1 = threadCpuMs();
  recorder.close();
  const counted = store.getRun('r');
  store.close();
  rmSync(dir, { recursive: true, force: true });
  if (counted?.messageCount !== N || counted.eventCount !== 3 * N) throw new Error('the recorder lost rows');
  const perThread = [...threads1]
    .map(([tid, ms]) => ((ms - (threads0.get(tid) ?? 0)) * 1000) / N)
    .filter((us) => us >= 1)
    .sort((a, b) => b - a)
    .map((us) => us.toFixed(1));
  return `${((cpu.user + cpu.system) / N).toFixed(1)} µs/message (threads, busiest first: ${perThread.join(' · ')})`;
}

void (async () => {
  for (let run = 0; run < 5; run++) console.log(`recording cost, ${N} messages: ${await once()}`);
})();
