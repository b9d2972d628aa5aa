import { randomUUID } from 'node:crypto';
import type { ReplayPlan, ReplayPreview, ReplayRecord } from '@shared/api/replay-requests';
import type { Environment } from '@shared/run/environment';
import type { EmitEvent } from '../api/dispatch';
import type { RunEnvironment } from '../environments/run-environment';
import type { Run } from '../runtime/run';
import type { TraceSink } from '../runtime/run-context';
import type { Store } from '../../store/store';
import type { GrpcServiceClient } from '../transports/grpc/grpc-client';
import { describeTarget } from './describe-target';
import { flowLookup } from './flow-lookup';
import { ReplayConnections } from './replay-connections';
import { indexEdits, toReplayItem } from './replay-item';
import { describePacing } from './replay-pacing';
import { openSource } from './replay-source';
import { sendReplay } from './send-replay';
import { routeResolver } from './resolve-target';

/** What the service needs from the engine. */
export interface ReplayDeps {
  store: Store;
  /** The engine's recorder: replayed messages are recorded like a run's. */
  sink: TraceSink & { flushAsync(): Promise<void> };
  /** The run going now, or null. */
  run(): Run | null;
  /** The environment to use when no run is going (the active one, secrets resolved). */
  environment(env?: Environment): Promise<RunEnvironment>;
  emit: EmitEvent;
}

interface Going {
  record: ReplayRecord;
  abort: AbortController;
  done: Promise<void>;
}

const PROGRESS_MS = 200;

/**
 * Replays recorded messages (issue 6): resolves the source and target, lists a dry run, or
 * sends in the background with progress events and Cancel. Each replay is a record and a
 * run row of its own; every message it sent is a new trace linked to its original.
 */
export class ReplayService {
  private readonly going = new Map<string, Going>();

  constructor(private readonly deps: ReplayDeps) {}

  /** A dry run: the first `limit` messages as they would go. Connects nothing, records nothing. */
  async preview(plan: ReplayPlan, limit: number): Promise<ReplayPreview> {
    const { reader, routeOf, edits, close } = await this.prepare(plan, 'preview');
    try {
      const items: ReplayPreview['items'] = [];
      for await (const chunk of reader.chunks()) {
        for (const m of chunk) {
          if (items.length >= limit) break;
          const it = toReplayItem(m, edits);
          const route = routeOf(it);
          items.push({
            originalId: m.id,
            transport: route.transport,
            target: route.label,
            key: it.key,
            headers: it.headers,
            payloadText: utf8OrNull(it.payload),
            size: it.payload.length,
            edited: it.edited,
          });
        }
        if (items.length >= limit) break;
      }
      return { total: reader.total, items };
    } finally {
      await close();
    }
  }

  /** Checks the plan (source, target, first route), records the replay and starts sending. */
  async start(plan: ReplayPlan): Promise<ReplayRecord> {
    const id = `rp-${randomUUID()}`;
    const prepared = await this.prepare(plan, id);
    const { reader, routeOf, edits, close, connections } = prepared;
    try {
      // The first message shows whether the target can take messages at all, before anything is recorded.
      const firstChunk = await reader.chunks().next();
      const first = firstChunk.value?.[0];
      if (!first) throw new Error('nothing to replay');
      const route = routeOf(toReplayItem(first, edits));
      await connections.warm(route.transport);
    } catch (err) {
      await close();
      throw err;
    }
    const now = Date.now();
    const record: ReplayRecord = {
      id,
      kind: 'replay',
      runId: id,
      source: reader.describe,
      target: describeTarget(plan.target),
      pacing: describePacing(plan.pacing),
      state: 'running',
      total: reader.total,
      sent: 0,
      failed: 0,
      error: null,
      startedAt: now,
      endedAt: null,
    };
    this.open(record, prepared.sourceRunId);
    const abort = new AbortController();
    const timer = setInterval(() => this.progress(record), PROGRESS_MS);
    const done = sendReplay({
      reader,
      routeOf,
      edits,
      pacing: plan.pacing,
      signal: abort.signal,
      counts: record,
      record: { runId: id, replayId: id, sink: this.deps.sink, store: this.deps.store },
    })
      .then(
        (r) => {
          record.error = r.firstError ?? null;
          record.state = abort.signal.aborted
            ? 'cancelled'
            : record.failed > 0 && record.sent === 0
              ? 'failed'
              : 'done';
        },
        (err: unknown) => {
          record.state = 'failed';
          record.error = err instanceof Error ? err.message : String(err);
        },
      )
      .finally(async () => {
        clearInterval(timer);
        await close();
        await this.finish(record);
        this.going.delete(id);
      });
    this.going.set(id, { record, abort, done });
    return { ...record };
  }

  /** Stops after the batches in flight; resolves with the final record. */
  async cancel(replayId: string): Promise<ReplayRecord> {
    const g = this.going.get(replayId);
    if (!g) {
      const stored = this.deps.store.replays.get(replayId);
      if (!stored) throw new Error(`no replay "${replayId}"`);
      return stored;
    }
    g.abort.abort();
    await g.done;
    return { ...g.record };
  }

  get(replayId: string): ReplayRecord | null {
    const g = this.going.get(replayId);
    return g ? { ...g.record } : this.deps.store.replays.get(replayId);
  }

  /** Cancels every replay going and waits for each to be recorded (engine close). */
  async close(): Promise<void> {
    await Promise.all([...this.going.keys()].map((id) => this.cancel(id)));
  }

  /** Creates the record and its run row (the flow of the source run, so payloads decode as before). */
  open(record: ReplayRecord, sourceRunId: string | null): void {
    const { store } = this.deps;
    const source = sourceRunId ? store.getRun(sourceRunId) : null;
    store.createRun({
      id: record.runId,
      flowName: `${record.kind === 'redrive' ? 'Redrive' : 'Replay'}${source ? ` of ${source.flowName}` : ''}`,
      flowJson: (sourceRunId && store.getRunFlow(sourceRunId)) || '{}',
      environment: source?.environment ?? 'replay',
      startedAt: record.startedAt,
    });
    store.replays.create(record);
    this.progress(record);
  }

  /** Waits until every recorded row is in the store, then ends the record and its run row. */
  async finish(record: ReplayRecord): Promise<void> {
    await this.deps.sink.flushAsync();
    record.endedAt = Date.now();
    this.deps.store.replays.update(record);
    this.deps.store.finishRun(
      record.runId,
      record.state === 'failed' ? 'failed' : 'stopped',
      record.endedAt,
      record.error ?? undefined,
    );
    this.progress(record);
  }

  progress(record: ReplayRecord): void {
    this.deps.emit('replay.progress', { replay: { ...record } });
  }

  private async prepare(plan: ReplayPlan, label: string) {
    const reader = await openSource(this.deps.store, plan.source);
    const run = this.deps.run();
    const connections = new ReplayConnections(
      () => (run ? Promise.resolve(run.environment) : this.deps.environment(plan.environment)),
      label.slice(0, 16),
    );
    const grpcClients = new Set<GrpcServiceClient>();
    const close = async (): Promise<void> => {
      for (const c of grpcClients) c.close();
      await connections.close();
    };
    const flows = flowLookup(this.deps.store);
    const routeOf = routeResolver(plan.target, { connections, run, flowOf: flows, grpcClients });
    const edits = indexEdits(plan.edits, plan.headers);
    return { reader, routeOf, edits, close, connections, sourceRunId: reader.sourceRunId };
  }
}

function utf8OrNull(b: Buffer): string | null {
  const text = b.toString('utf8');
  return Buffer.from(text, 'utf8').equals(b) ? text : null;
}
