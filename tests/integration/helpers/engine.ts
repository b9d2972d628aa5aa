import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { EventName, EventPayloads, RunSnapshot } from '@shared/api/contract';
import { createEngine } from '../../../src-main/engine/engine';
import type { Engine } from '../../../src-main/engine/engine-types';
import { waitFor } from './brokers';

/** What an engine under test pushed, by event name. */
export type PushedEvents = { [E in EventName]?: Array<EventPayloads[E]> };

/**
 * A fresh engine with its own data folder per test; closed and deleted after each test of
 * the file that calls this, even when the test fails.
 */
export function useEngine(
  prefix: string,
): () => Promise<{ engine: Engine; dataDir: string; pushed: PushedEvents; close(): Promise<void> }> {
  let engine: Engine | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await engine?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    engine = undefined;
    dataDir = undefined;
  });
  return async () => {
    dataDir = mkdtempSync(join(tmpdir(), `flowbench-${prefix}-`));
    const pushed: PushedEvents = {};
    engine = await createEngine({
      dataDir,
      emit: (name, payload) => {
        const list = (pushed[name] ?? []) as unknown[];
        list.push(payload);
        (pushed as Record<string, unknown[]>)[name] = list;
      },
    });
    const started = engine;
    return {
      engine: started,
      dataDir,
      pushed,
      /** Closes the engine inside the test (to check what closing releases); afterEach then skips it. */
      close: async () => {
        if (engine === started) engine = undefined;
        await started.close();
      },
    };
  };
}

/** Polls the run status until `ok` holds (fails with `what` after `ms`); returns that status. */
export async function untilStatus(
  e: Engine,
  what: string,
  ok: (s: RunSnapshot) => boolean,
  ms = 60_000,
): Promise<RunSnapshot> {
  let last = await e.handlers['run.status']({});
  await waitFor(
    what,
    () => {
      void e.handlers['run.status']({}).then((s) => (last = s));
      return ok(last);
    },
    ms,
  );
  return last;
}
