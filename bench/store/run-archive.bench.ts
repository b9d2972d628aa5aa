import { it } from 'vitest';
import { openStore } from '../../src-main/store/open-store';
import { recordFinishedRun, tempDbFile } from '../../src-main/store/test-fixtures';

/**
 * The Runs tab's queries on one run of BENCH_RUN_MESSAGES (default 100,000) messages, each a
 * produce and an acked delivery (two rows, three spans), next to 4 other runs of the same
 * size: the report (per-node p50/p99, series), the playback timeline, and deleting the run
 * in one transaction. Run alone: `npx vitest run --project bench bench/store/run-archive.bench.ts`.
 */
const N = Number(process.env.BENCH_RUN_MESSAGES ?? 100_000);
const RUNS = 5;
const T0 = 1_700_000_000_000;

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

it('reports, times and deletes a 100,000-message run', () => {
  const tmp = tempDbFile();
  const store = openStore(tmp.file);
  try {
    for (let r = 0; r < RUNS; r++) recordFinishedRun(store, `run-${r}`, N, T0);
    const report = time(() => store.runs.report('run-2'));
    const timeline = time(() => store.runs.timeline('run-2', 1000));
    const del = time(() => store.runs.deleteRun('run-2'));
    console.log(
      [
        `one run of ${N.toLocaleString()} messages (${(3 * N).toLocaleString()} spans) among ${RUNS} such runs`,
        `  report (p50/p99 per node, series): ${report.ms.toFixed(0)} ms, ${report.value?.nodes.length} nodes`,
        `  playback timeline (${timeline.value?.buckets} buckets, ${timeline.value?.hops.length} hops): ${timeline.ms.toFixed(0)} ms`,
        `  delete the run (2,000-row transactions, no pauses): ${del.ms.toFixed(0)} ms (${del.value ? 'deleted' : 'NOT deleted'})`,
      ].join('\n'),
    );
  } finally {
    store.close();
    tmp.cleanup();
  }
}, 600_000);
