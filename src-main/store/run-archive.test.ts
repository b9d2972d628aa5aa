import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from './apply-retention';
import { openStore } from './open-store';
import type { MessageToInsert, SpanToInsert, Store } from './store';
import { sampleEvent, sampleMessage, spanId, tempDbFile, traceId } from './test-fixtures';

let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
beforeEach(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const T0 = 1_700_000_000_000;

/**
 * A finished run of `n` messages, one every 10 ms: produce at `prod`, deliver at `cons`
 * `latency` ms later, acked 1 ms after that; every fifth delivery is nacked with an error.
 */
function recordRun(id: string, n: number, startedAt = T0, latency = 5, payloadBytes = 10): void {
  store.createRun({ id, flowName: 'f', flowJson: '{}', environment: 'embedded', startedAt });
  const messages: MessageToInsert[] = [];
  const spans: SpanToInsert[] = [];
  for (let i = 0; i < n; i++) {
    const t = traceId(i + 1) + id;
    const tid = t.slice(-32);
    const ts = startedAt + i * 10;
    const p = spanId(i * 3 + 1);
    const d = spanId(i * 3 + 2);
    messages.push({
      ...sampleMessage({ runId: id, traceId: tid, ts, payload: new Uint8Array(payloadBytes) }),
      id: store.maxMessageId() + i + 1,
    });
    spans.push(sampleEvent({ runId: id, traceId: tid, spanId: p, nodeId: 'prod', ts, durationMs: 1 }));
    const deliver = sampleEvent({
      runId: id,
      traceId: tid,
      spanId: d,
      parentSpanId: p,
      nodeId: 'cons',
      kind: 'deliver',
      ts: ts + latency,
    });
    if (i % 5 === 4) {
      spans.push(deliver);
      spans.push({ ...deliver, spanId: spanId(i * 3 + 3), parentSpanId: d, kind: 'nack', error: 'bad' });
    } else
      spans.push({ ...deliver, ack: { spanId: spanId(i * 3 + 3), ts: ts + latency + 1, durationMs: 1 } });
  }
  store.insertBatch(messages, spans);
  store.finishRun(id, 'stopped', startedAt + n * 10);
}

describe('run reports', () => {
  it('sums a run: duration, errors, per-node p50/p99 and throughput and latency over time', () => {
    recordRun('a', 100);
    const r = store.runs.report('a', 100)!;
    expect(r.durationMs).toBe(1000);
    expect(r.errors).toBe(20);
    const cons = r.nodes.find((n) => n.nodeId === 'cons')!;
    expect(cons).toMatchObject({ spans: 200, errors: 20, p50Ms: 5, p99Ms: 5 });
    expect(r.nodes.find((n) => n.nodeId === 'prod')).toMatchObject({ spans: 100, errors: 0, p50Ms: 1 });
    // 10 buckets of 100 ms, 10 messages each: 100 msg/s.
    expect(r.series.throughput).toEqual(new Array(10).fill(100));
    expect(r.series.latencyP50).toEqual(new Array(10).fill(5));
    expect(store.runs.report('nope')).toBeNull();
  });
});

describe('run timelines', () => {
  it('buckets spans per node and kind, acks at their own time, and hops from parent node to child node', () => {
    recordRun('a', 10);
    const t = store.runs.timeline('a', 10)!;
    expect(t.buckets).toBeLessThanOrEqual(10);
    const total = (xs: number[]): number => xs.reduce((x, y) => x + y, 0);
    expect(total(t.nodes.prod.produce)).toBe(10);
    expect(total(t.nodes.cons.deliver)).toBe(10);
    expect(total(t.nodes.cons.ack)).toBe(8);
    expect(total(t.nodes.cons.nack)).toBe(2);
    expect(t.hops).toHaveLength(1);
    expect(t.hops[0]).toMatchObject({ from: 'prod', to: 'cons' });
    expect(total(t.hops[0].counts)).toBe(10);
    expect(t.start).toBe(T0);
    expect(store.runs.timeline('nope', 10)).toBeNull();
  });
});

describe('deleting runs and retention', () => {
  it('deletes a run wholly (run row, messages, spans, search index) and never a running one', () => {
    recordRun('a', 20);
    recordRun('b', 20, T0 + 10_000);
    store.createRun({ id: 'live', flowName: 'f', flowJson: '{}', environment: 'e', startedAt: T0 + 20_000 });
    expect(store.runs.deleteRun('a')).toBe(true);
    expect(store.getRun('a')).toBeNull();
    expect(store.listMessages('a', undefined, 10)).toEqual({ rows: [], total: 0 });
    expect(store.countEvents('a')).toEqual({});
    expect(store.getRun('b')?.messageCount).toBe(20);
    expect(store.runs.deleteRun('live')).toBe(false);
    expect(store.runs.deleteRun('a')).toBe(false);
  });

  it("deletes a run's replays and every link to or from its messages", () => {
    recordRun('orig', 3);
    recordRun('copies', 3, T0 + 10_000);
    const [o1, o2] = store.replays.runMessages('orig', 0, 2).map((m) => m.id);
    const [c1, c2] = store.replays.runMessages('copies', 0, 2).map((m) => m.id);
    store.replays.create({
      id: 'r1',
      kind: 'replay',
      runId: 'copies',
      source: 'run orig',
      target: 'original',
      pacing: 'max',
      state: 'running',
      total: 2,
      sent: 2,
      failed: 0,
      error: null,
      startedAt: T0 + 10_000,
      endedAt: null,
    });
    store.replays.link([
      { replayId: 'r1', replayMessageId: c1, replayTraceId: traceId(1), originalMessageId: o1 },
      { replayId: 'r1', replayMessageId: c2, replayTraceId: traceId(2), originalMessageId: o2 },
    ]);
    expect(store.replays.links(o1).replayedAs.map((l) => l.messageId)).toEqual([c1]);

    expect(store.runs.deleteRun('copies')).toBe(true);
    expect(store.replays.get('r1')).toBeNull();
    expect(store.replays.links(o1)).toEqual({ replayOf: null, replayedAs: [] });
    expect(store.replays.links(o2)).toEqual({ replayOf: null, replayedAs: [] });
  });

  it('keeps the last N runs and drops runs older than the age limit, oldest first', () => {
    for (let i = 0; i < 5; i++) recordRun(`r${i}`, 2, T0 + i * 86_400_000);
    expect(applyRetention(store.runs, { keepRuns: 3 }, T0)).toEqual(['r0', 'r1']);
    expect(store.listRuns(10).map((r) => r.id)).toEqual(['r4', 'r3', 'r2']);
    // r2 started 2 days before "now" = T0 + 4 days, r3 one day before.
    expect(applyRetention(store.runs, { maxAgeDays: 1.5 }, T0 + 4 * 86_400_000)).toEqual(['r2']);
    expect(applyRetention(store.runs, { keepRuns: 5, maxAgeDays: 100 }, T0)).toEqual([]);
  });

  it('keeps the database under a size limit: the file stops growing as runs come and go', () => {
    const sizes: number[] = [];
    for (let i = 0; i < 12; i++) {
      recordRun(`s${i}`, 400, T0 + i * 10_000, 5, 1024);
      applyRetention(store.runs, { maxMb: 2 }, T0 + i * 10_000);
      sizes.push(store.runs.usedBytes());
    }
    for (const used of sizes) expect(used).toBeLessThanOrEqual(2 * 1024 * 1024);
    const kept = store.listRuns(100).map((r) => r.id);
    expect(kept[0]).toBe('s11');
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(12);
  });
});
