import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunDeletion } from '@shared/api/runs-requests';
import { openStore } from '../../store/open-store';
import type { Store } from '../../store/store';
import { sampleEvent, sampleMessage, tempDbFile, traceId } from '../../store/test-fixtures';
import { RunDeletions } from './run-deletions';

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

/** A finished run with `n` messages, each with a produce span. */
function recordRun(id: string, n: number, firstMessageId: number): void {
  store.createRun({ id, flowName: 'f', flowJson: '{}', environment: 'e', startedAt: firstMessageId });
  store.insertBatch(
    Array.from({ length: n }, (_, i) => ({
      ...sampleMessage({ runId: id, traceId: traceId(firstMessageId + i) }),
      id: firstMessageId + i,
    })),
    Array.from({ length: n }, (_, i) => sampleEvent({ runId: id, traceId: traceId(firstMessageId + i) })),
  );
  store.finishRun(id, 'stopped', firstMessageId + 1);
}

describe('run deletion jobs', () => {
  it('deletes run by run with progress, and a cancel mid-way leaves every run whole', async () => {
    for (let r = 0; r < 5; r++) recordRun(`r${r}`, 50, r * 100 + 1);
    const progress: RunDeletion[] = [];
    let jobs: RunDeletions | undefined = undefined;
    jobs = new RunDeletions(
      store.runs,
      (p) => {
        progress.push(p);
        // Cancel as soon as the second run is gone.
        if (p.done === 2 && p.state === 'running') jobs?.cancel(p.jobId);
      },
      async () => undefined,
    );
    const job = jobs.start(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(job).toMatchObject({ total: 5, done: 0, deleted: 0, state: 'running' });
    await jobs.idle();
    expect(progress.map((p) => `${p.deleted}:${p.state}`)).toEqual(['1:running', '2:running', '2:cancelled']);
    expect(store.listRuns(10).map((r) => r.id)).toEqual(['r4', 'r3', 'r2']);
    for (const id of ['r2', 'r3', 'r4']) {
      expect(store.listMessages(id, undefined, 100).rows).toHaveLength(50);
      expect(store.countEvents(id)).toEqual({ produce: 50 });
    }
    for (const id of ['r0', 'r1']) {
      expect(store.listMessages(id, undefined, 100).total).toBe(0);
      expect(store.countEvents(id)).toEqual({});
    }
  });

  it('waits for recorded rows to be written before deleting, and skips unknown and running runs', async () => {
    recordRun('done', 3, 1);
    store.createRun({ id: 'live', flowName: 'f', flowJson: '{}', environment: 'e', startedAt: 9 });
    const order: string[] = [];
    const jobs = new RunDeletions(
      store.runs,
      (p) => order.push(`progress ${p.done} ${p.deleted} ${p.state}`),
      async () => {
        order.push('settled');
      },
    );
    jobs.start(['done', 'nope', 'live']);
    await jobs.idle();
    expect(order[0]).toBe('settled');
    expect(order.at(-1)).toBe('progress 3 1 done');
    expect(store.listRuns(10).map((r) => r.id)).toEqual(['live']);
    expect(jobs.cancel('unknown')).toBeNull();
  });
});
