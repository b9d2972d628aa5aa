import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store';
import type { Store } from './store';
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

/** A finished run of `n` messages (ids from `firstId`), each with a produce span. */
function recordRun(id: string, n: number, firstId: number, startedAt = T0): void {
  store.createRun({ id, flowName: 'f', flowJson: '{}', environment: 'e', startedAt });
  store.insertBatch(
    Array.from({ length: n }, (_, i) => ({
      ...sampleMessage({ runId: id, traceId: traceId(firstId + i), ts: startedAt + i }),
      id: firstId + i,
    })),
    Array.from({ length: n }, (_, i) =>
      sampleEvent({
        runId: id,
        traceId: traceId(firstId + i),
        spanId: spanId(firstId + i),
        ts: startedAt + i,
      }),
    ),
  );
  store.finishRun(id, 'stopped', startedAt + n);
}

describe('deleting a run in steps behind its mark', () => {
  it('the mark hides the run at once: history, messages, browser, export, report, retention', () => {
    recordRun('a', 30, 1);
    recordRun('b', 5, 100, T0 + 1000);
    const steps = store.runs.deleteSteps;
    expect(steps.mark('a')).toBe(true);
    expect(steps.step('a', 10)).toBe(10);

    expect(store.listRuns(10).map((r) => r.id)).toEqual(['b']);
    expect(store.getRun('a')).toBeNull();
    expect(store.listMessages('a', undefined, 100)).toEqual({ rows: [], total: 0 });
    const page = store.queryMessages({ filter: {}, limit: 100 });
    expect(page.rows.map((r) => r.runId)).toEqual(new Array(5).fill('b'));
    expect(store.queryMessages({ filter: { runId: 'a' }, limit: 100 }).rows).toEqual([]);
    expect(store.exportReader.count({})).toBe(5);
    expect(store.runs.report('a')).toBeNull();
    expect(store.runs.timeline('a', 10)).toBeNull();
    expect(store.runs.finishedOldestFirst()).toEqual(['b']);
    // "Keep 1" is already met by b alone: the marked run is not counted.
    expect(store.runs.overRetention({ keepRuns: 1 }, T0)).toEqual([]);
    expect(steps.marked()).toEqual(['a']);

    while (steps.step('a', 10) > 0) {
      // short steps until the run is gone
    }
    expect(steps.marked()).toEqual([]);
    expect(store.countEvents('a')).toEqual({});
    expect(store.getRun('b')?.messageCount).toBe(5);
  });

  it('never marks a running or unknown run, and a step on an unmarked run deletes nothing', () => {
    recordRun('done', 3, 1);
    store.createRun({ id: 'live', flowName: 'f', flowJson: '{}', environment: 'e', startedAt: T0 });
    const steps = store.runs.deleteSteps;
    expect(steps.mark('live')).toBe(false);
    expect(steps.mark('nope')).toBe(false);
    expect(steps.step('done', 10)).toBe(0);
    expect(steps.step('live', 10)).toBe(0);
    expect(store.getRun('done')?.messageCount).toBe(3);
    expect(store.listRuns(10)).toHaveLength(2);
  });

  it("takes a run's replays and every link to or from its messages, one step at a time", () => {
    recordRun('orig', 4, 1);
    recordRun('copies', 4, 100, T0 + 1000);
    store.replays.create({
      id: 'r1',
      kind: 'replay',
      runId: 'copies',
      source: 'run orig',
      target: 'original',
      pacing: 'max',
      state: 'done',
      total: 4,
      sent: 4,
      failed: 0,
      error: null,
      startedAt: T0 + 1000,
      endedAt: T0 + 2000,
    });
    store.replays.link(
      [0, 1, 2, 3].map((i) => ({
        replayId: 'r1',
        replayMessageId: 100 + i,
        replayTraceId: traceId(100 + i),
        originalMessageId: 1 + i,
      })),
    );
    const steps = store.runs.deleteSteps;
    expect(steps.mark('orig')).toBe(true);
    let n = 0;
    while (steps.step('orig', 1) > 0) n++;
    // Four spans, then four messages, one row per step.
    expect(n).toBe(8);
    for (let i = 0; i < 4; i++)
      expect(store.replays.links(100 + i)).toEqual({ replayOf: null, replayedAs: [] });
    // The replay recorded into the other run stays with it.
    expect(store.replays.get('r1')).not.toBeNull();
    expect(store.runs.deleteRun('copies')).toBe(true);
    expect(store.replays.get('r1')).toBeNull();
  });
});
