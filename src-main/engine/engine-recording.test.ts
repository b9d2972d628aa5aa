import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it, vi } from 'vitest';
import { createEngine } from './engine';
import type { Engine } from './engine-types';

const N = 3_000;
let engine: Engine | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await engine?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  engine = undefined;
});

const flow = {
  version: 1,
  name: 'recording',
  nodes: [
    { id: 'p', kind: 'producer', config: { rate: 100_000, count: N, payload: '{"seq": {{seq}}}' } },
    { id: 'q', kind: 'rabbitQueue', config: { queue: 'orders' } },
    { id: 'c', kind: 'consumer', config: { group: 'billing' } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'q' },
    { id: 'e2', source: 'q', target: 'c' },
  ],
};

it('Stop returns with every payload and event of the run in SQLite, written by the writer thread', async () => {
  // The engine reports recording trouble (a writer thread that failed, lost rows) here.
  const errors = vi.spyOn(console, 'error');
  dataDir = mkdtempSync(join(tmpdir(), 'flowbench-engine-'));
  engine = await createEngine({ dataDir, emit: () => undefined });
  const started = await engine.handlers['run.start']({ flow, environment: { kind: 'embedded' } });
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  for (let acked = 0; acked < N;) {
    await new Promise((r) => setTimeout(r, 10));
    acked = (await engine.handlers['run.status']({})).counters.c?.acked ?? 0;
  }
  await engine.handlers['run.stop']({});

  // Another connection, as the UI's readers or another process would see the file.
  const db = new Database(join(dataDir, 'flowbench.db'), { readonly: true });
  try {
    const kinds = db
      .prepare('SELECT kind, count(*) AS n FROM events WHERE run_id = ? GROUP BY kind ORDER BY kind')
      .all(started.runId);
    expect(kinds).toEqual([
      { kind: 'ack', n: N },
      { kind: 'deliver', n: N },
      { kind: 'produce', n: N },
    ]);
    const run = db
      .prepare('SELECT state, message_count, event_count FROM runs WHERE id = ?')
      .get(started.runId);
    expect(run).toEqual({ state: 'stopped', message_count: N, event_count: 3 * N });
    // A delivery and its ack share a row (schema v5), yet each ack is its own span, child of its delivery.
    const rows = db
      .prepare('SELECT count(*) FROM spans WHERE run_id = ?')
      .pluck()
      .get(started.runId) as number;
    expect(rows).toBeLessThan(2.2 * N);
    const acksUnderDeliveries = db
      .prepare(
        `SELECT count(*) FROM events a JOIN events d ON d.trace_id = a.trace_id AND d.span_id = a.parent_span_id
         WHERE a.run_id = ? AND a.kind = 'ack' AND d.kind = 'deliver' AND a.span_id <> d.span_id`,
      )
      .pluck()
      .get(started.runId);
    expect(acksUnderDeliveries).toBe(N);
  } finally {
    db.close();
  }
  expect(errors).not.toHaveBeenCalled();
});
