import { randomUUID } from 'node:crypto';
import type { ReplayRecord } from '@shared/api/replay-requests';
import type { RedriveHooks, RedriveResult } from '../runtime/redrive';
import {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
  TRACEPARENT,
} from '../trace/traceparent';
import type { ReplayDeps, ReplayService } from './replay-service';

/**
 * Dead-letter redrive as one action, recorded like a replay: every message the broker took
 * back on its source queue gets a new trace (a produce span to that queue) linked to the
 * message it was. `redrive` is the run's redrive with these hooks.
 */
export async function redriveRecorded(
  deps: Pick<ReplayDeps, 'store' | 'sink' | 'run'>,
  service: ReplayService,
  nodeId: string,
  redrive: (nodeId: string, hooks: RedriveHooks) => Promise<RedriveResult>,
): Promise<ReplayRecord & { to: string }> {
  const { store, sink } = deps;
  const run = deps.run();
  if (!run) throw new Error('no run is going: redrive moves messages during a run');
  const id = `rd-${randomUUID()}`;
  const dlqName = (run.graph.node(nodeId)?.config as { name?: string } | undefined)?.name ?? nodeId;
  const record: ReplayRecord = {
    id,
    kind: 'redrive',
    runId: id,
    source: `dead-letter queue ${dlqName}`,
    target: 'its source queue',
    pacing: 'as fast as possible',
    state: 'running',
    total: 0,
    sent: 0,
    failed: 0,
    error: null,
    startedAt: Date.now(),
    endedAt: null,
  };
  service.open(record, run.runId);
  const spans = new Map<object, { traceId: string; spanId: string }>();
  // Linked once the redrive ended and everything recorded is stored: the original's spans
  // may still be on their way to the store while its dead letter is already moved.
  const pending: Array<{ messageId: number; traceId: string; wasTrace: string | null }> = [];
  const hooks: RedriveHooks = {
    headersFor(m) {
      const span = { traceId: newTraceId(), spanId: newSpanId() };
      spans.set(m, span);
      return { ...m.headers, [TRACEPARENT]: formatTraceparent(span) };
    },
    moved(m, headers, to) {
      const span = spans.get(m) ?? { traceId: newTraceId(), spanId: newSpanId() };
      spans.delete(m);
      const ts = Date.now();
      const messageId = sink.recordMessage({
        runId: id,
        traceId: span.traceId,
        spanId: span.spanId,
        nodeId: to.nodeId,
        transport: 'amqp',
        destination: to.queue,
        ts,
        key: m.key,
        headers,
        payload: m.payload,
      });
      sink.recordEvent({
        runId: id,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: null,
        nodeId: to.nodeId,
        kind: 'produce',
        transport: 'amqp',
        destination: to.queue,
        ts,
        key: m.key,
        messageId,
      });
      const was = parseTraceparent(m.headers[TRACEPARENT]);
      pending.push({ messageId, traceId: span.traceId, wasTrace: was?.traceId ?? null });
      record.sent += 1;
      record.total += 1;
    },
  };
  let to = '';
  try {
    const result = await redrive(nodeId, hooks);
    to = result.to;
    record.target = `queue ${result.to}`;
    record.state = 'done';
  } catch (err) {
    record.state = 'failed';
    record.error = err instanceof Error ? err.message : String(err);
  }
  await sink.flushAsync();
  store.replays.link(
    pending.map((p) => ({
      replayId: id,
      replayMessageId: p.messageId,
      replayTraceId: p.traceId,
      originalMessageId: p.wasTrace ? store.replays.firstMessageOfTrace(p.wasTrace) : null,
    })),
  );
  await service.finish(record);
  if (record.state === 'failed') throw new Error(record.error ?? 'redrive failed');
  return { ...record, to };
}
