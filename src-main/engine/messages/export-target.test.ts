import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageHandlers } from '../api/message-handlers';
import { openStore } from '../../store/open-store';
import type { Store } from '../../store/store';
import { sampleMessage, spanId, tempDbFile, traceId } from '../../store/test-fixtures';
import { workspaceExportTarget, type MessageExportTarget } from './export-target';
import { startExport } from './message-export';

let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
let dir: string;

beforeEach(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
  dir = join(tmp.dir, 'flows');
  const payload = (id: number): Uint8Array => new TextEncoder().encode(`{"n":${id}}`);
  store.insertBatch(
    Array.from({ length: 3000 }, (_, i) => ({
      ...sampleMessage({
        traceId: traceId(i + 1),
        spanId: spanId(i + 1),
        runId: 'run',
        payload: payload(i + 1),
      }),
      id: i + 1,
    })),
    [],
  );
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const run = (target: MessageExportTarget) =>
  startExport({
    reader: store.exportReader,
    target,
    filter: {},
    format: 'ndjson',
    onProgress: () => undefined,
  });

describe('message export destination', () => {
  it('browser mode: the typed name in the workspace folder, never replacing a file', async () => {
    const choose = workspaceExportTarget(dir);
    const first = await (await run((await choose({ format: 'ndjson', fileName: 'orders' }))!)).finished;
    expect(first.path).toBe(join(dir, 'orders.ndjson'));
    writeFileSync(join(dir, 'orders-2.ndjson'), 'mine');
    const second = await (
      await run((await choose({ format: 'ndjson', fileName: 'orders.ndjson' }))!)
    ).finished;
    expect(second.path).toBe(join(dir, 'orders-3.ndjson'));
    expect(readFileSync(join(dir, 'orders-2.ndjson'), 'utf8')).toBe('mine');
    expect(readFileSync(second.path!, 'utf8').trimEnd().split('\n')).toHaveLength(3000);
    expect(readdirSync(dir).sort()).toEqual(['orders-2.ndjson', 'orders-3.ndjson', 'orders.ndjson']);
  });

  it('a file that appears under the chosen name during the export is kept', async () => {
    const target = (await workspaceExportTarget(dir)({ format: 'ndjson', fileName: 'late' }))!;
    const job = run(target);
    writeFileSync(target.path, 'arrived meanwhile');
    const end = await job.finished;
    expect(readFileSync(target.path, 'utf8')).toBe('arrived meanwhile');
    expect(end.path).toBe(join(dir, 'late-2.ndjson'));
    expect(readdirSync(dir).sort()).toEqual(['late-2.ndjson', 'late.ndjson']);
  });

  it('a typed name cannot leave the workspace folder or hide a file', async () => {
    const choose = workspaceExportTarget(dir);
    for (const fileName of ['../../escape', '/etc/passwd', '..\\..\\win', '.hidden', 'a/../../b', '..']) {
      const target = (await choose({ format: 'csv', fileName }))!;
      expect(dirname(target.path)).toBe(dir);
      expect(target.path.split('/').pop()).toMatch(/^[^.].*\.csv$/);
    }
  });

  it('desktop: the file picked in the dialog is replaced whole; Cancel leaves it as it was', async () => {
    const picked = join(tmp.dir, 'picked.ndjson');
    writeFileSync(picked, 'old');
    const cancelled = run({ path: picked, replace: true });
    cancelled.cancel();
    expect((await cancelled.finished).state).toBe('cancelled');
    expect(readFileSync(picked, 'utf8')).toBe('old');
    const done = await run({ path: picked, replace: true }).finished;
    expect(done.path).toBe(picked);
    expect(readFileSync(picked, 'utf8').trimEnd().split('\n')).toHaveLength(3000);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('Cancel in the save dialog starts nothing and writes nothing', async () => {
    const api = createMessageHandlers({
      store,
      dataDir: tmp.dir,
      emit: () => undefined,
      activeRun: () => null,
      chooseExportTarget: async () => null,
    });
    const answer = await api.handlers['messages.export']({ filter: {}, format: 'csv', fileName: 'x' });
    expect(answer).toEqual({ canceled: true });
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.csv') || f.endsWith('.tmp'))).toEqual([]);
    await api.close();
  });
});
