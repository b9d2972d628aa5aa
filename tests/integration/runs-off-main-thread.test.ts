import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { RunDeletion } from '@shared/api/runs-requests';
import type { Engine } from '../../src-main/engine/engine-types';
import { openStore } from '../../src-main/store/open-store';
import { recordFinishedRun } from '../../src-main/store/test-fixtures';
import { waitFor } from './helpers/brokers';
import { useEngine } from './helpers/engine';

const startEngine = useEngine('runs-thread');

const MESSAGES = 100_000;
const T0 = 1_700_000_000_000;
/** A cheap request the UI sends all the time must answer within this, whatever the archive does. */
const CHEAP_MS = 100;

/** Writes a finished run of MESSAGES messages through a second connection to the engine's own workspace database. */
function recordBigRun(dataDir: string, runId: string): void {
  const store = openStore(join(dataDir, 'flowbench.db'));
  try {
    recordFinishedRun(store, runId, MESSAGES, T0);
  } finally {
    store.close();
  }
}

/**
 * Asks for the run status every 10 ms until `slow` settles; returns how long each answer
 * took and how long `slow` took. Were `slow` computed on the engine's thread, no status
 * would be asked (or answered) until it was done.
 */
async function statusWhile<T>(
  e: Engine,
  slow: () => Promise<T>,
): Promise<{ value: T; slowMs: number; statusMs: number[] }> {
  const started = performance.now();
  let settled = false;
  const pending = slow().finally(() => {
    settled = true;
  });
  let slowMs = 0;
  void pending.then(() => (slowMs = performance.now() - started)).catch(() => undefined);
  const statusMs: number[] = [];
  while (!settled) {
    const t = performance.now();
    const status = await e.handlers['run.status']({});
    statusMs.push(performance.now() - t);
    expect(status.state).toBe('idle');
    await sleep(10);
  }
  return { value: await pending, slowMs, statusMs };
}

function summary(what: string, r: { slowMs: number; statusMs: number[] }): string {
  const worst = Math.max(...r.statusMs);
  return `${what}: ${r.slowMs.toFixed(0)} ms; meanwhile ${r.statusMs.length} run.status answers, slowest ${worst.toFixed(1)} ms`;
}

describe('the run archive works off the engine thread', () => {
  it('answers run.status within 100 ms while reporting, playing back and deleting a 100,000-message run', async () => {
    const { engine: e, dataDir, pushed } = await startEngine();
    recordBigRun(dataDir, 'big');

    const report = await statusWhile(e, () => e.handlers['runs.report']({ runId: 'big' }));
    expect(report.value?.run.messageCount).toBe(MESSAGES);
    expect(report.value?.nodes).toHaveLength(15);
    expect(report.value?.nodes.find((n) => n.nodeId === 'consumer-0')).toMatchObject({
      spans: (2 * MESSAGES) / 10,
      errors: 0,
      p50Ms: 3,
      p99Ms: 3,
    });

    const timeline = await statusWhile(e, () =>
      e.handlers['runs.timeline']({ runId: 'big', maxBuckets: 1000 }),
    );
    expect(timeline.value?.hops).toHaveLength(10);
    expect(timeline.value?.hops.reduce((n, h) => n + h.counts.reduce((a, b) => a + b, 0), 0)).toBe(MESSAGES);

    const deletion = await statusWhile(e, async () => {
      const job = await e.handlers['runs.delete']({ runIds: ['big'] });
      let last: RunDeletion | undefined;
      await waitFor(
        'the deletion job to end',
        () =>
          (last = (pushed['runs.deletion'] ?? []).find(
            (p) => p.jobId === job.jobId && p.state !== 'running',
          )) !== undefined,
        60_000,
      );
      return last;
    });
    expect(deletion.value).toMatchObject({ state: 'done', total: 1, done: 1, deleted: 1 });
    expect(await e.handlers['runs.list']({ limit: 10 })).toEqual([]);
    expect((await e.handlers['messages.list']({ runId: 'big', limit: 10 })).total).toBe(0);

    console.log(
      [summary('report', report), summary('timeline', timeline), summary('delete', deletion)].join('\n'),
    );
    for (const r of [report, timeline, deletion]) {
      // Several answers fell inside the slow call, each one quick: the engine's thread stayed free.
      expect(r.statusMs.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...r.statusMs)).toBeLessThan(CHEAP_MS);
    }
  });
});
