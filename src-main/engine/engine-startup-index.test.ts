import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openStore } from '../store/open-store';
import { sampleMessage, traceId } from '../store/test-fixtures';
import { createEngine } from './engine';
import type { Engine } from './engine-types';

let engine: Engine | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await engine?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  engine = undefined;
});

it('catches up the full-text index and the browser lookups left by an earlier session, without a run', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flowbench-engine-'));
  const file = join(dataDir, 'flowbench.db');
  const earlier = openStore(file);
  earlier.insertBatch(
    Array.from({ length: 50 }, (_, i) => ({ ...sampleMessage({ traceId: traceId(i + 1) }), id: i + 1 })),
    [],
  );
  earlier.close();

  engine = await createEngine({ dataDir, emit: () => undefined });
  const db = new Database(file, { readonly: true });
  const read = db.prepare<[], { fts: number; lookups: number }>(
    'SELECT (SELECT indexed_upto FROM messages_fts_progress) AS fts, (SELECT indexed_upto FROM message_lookups_progress) AS lookups',
  );
  const deadline = Date.now() + 4000;
  while (Date.now() < deadline && read.get()?.lookups !== 50) await new Promise((r) => setTimeout(r, 50));
  expect(read.get()).toEqual({ fts: 50, lookups: 50 });
  expect(db.prepare('SELECT count(*) FROM messages_by_trace').pluck().get()).toBe(50);
  db.close();
});
