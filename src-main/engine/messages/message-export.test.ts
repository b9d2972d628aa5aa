import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '@shared/api/message-requests';
import { openStore } from '../../store/open-store';
import type { MessageToInsert, Store } from '../../store/store';
import { sampleMessage, spanId, tempDbFile, traceId } from '../../store/test-fixtures';
import { workspaceExportTarget } from './export-target';
import { startExport } from './message-export';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
let dir: string;

beforeEach(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
  dir = join(tmp.dir, 'exports');
  const messages: MessageToInsert[] = [];
  for (let id = 1; id <= 4500; id++) {
    const payload =
      id === 9 ? Uint8Array.from([0xff, 0x00, 0xfe]) : enc(`{"n":${id},"word":"${id % 2 ? 'odd' : 'even'}"}`);
    messages.push({
      ...sampleMessage({
        traceId: traceId(id),
        spanId: spanId(id),
        runId: id % 3 ? 'run-a' : 'run-b',
        payload,
      }),
      id,
    });
  }
  store.insertBatch(messages, []);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const exportOf = async (
  over: Partial<Parameters<typeof startExport>[0]> = {},
): Promise<ReturnType<typeof startExport>> => {
  const format = over.format ?? 'ndjson';
  const target = await workspaceExportTarget(dir)({ format, fileName: 'messages' });
  if (!target) throw new Error('no target');
  return startExport({
    reader: store.exportReader,
    target,
    filter: {},
    format,
    onProgress: () => undefined,
    ...over,
  });
};

describe('message export (streamed)', () => {
  it('writes the whole filtered set as NDJSON, newest first, in chunks, with binary as base64', async () => {
    const seen: ExportProgress[] = [];
    const job = await exportOf({ filter: { runId: 'run-a', text: 'odd' }, onProgress: (p) => seen.push(p) });
    const end = await job.finished;
    expect(end.state).toBe('done');
    const expected = Array.from({ length: 4500 }, (_, i) => i + 1).filter((id) => id % 3 && id % 2);
    expect(job.total).toBe(expected.length);
    const lines = readFileSync(end.path!, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual(expected.reverse());
    expect(seen.at(-1)).toMatchObject({ state: 'done', written: expected.length });
    expect(readdirSync(dir)).toEqual([end.path!.split('/').pop()]);
    // A payload that is not UTF-8 keeps its bytes.
    const all = await (await exportOf({ filter: { runId: 'run-a' }, format: 'json' })).finished;
    const rows = JSON.parse(readFileSync(all.path!, 'utf8')) as Array<{
      id: number;
      payload: string;
      payloadEncoding: string;
    }>;
    expect(rows.find((r) => r.id === 9)).toBeUndefined();
    const b = await (await exportOf({ filter: { runId: 'run-b' }, format: 'json' })).finished;
    const nine = (JSON.parse(readFileSync(b.path!, 'utf8')) as typeof rows).find((r) => r.id === 9);
    expect(nine).toMatchObject({
      payloadEncoding: 'base64',
      payload: Buffer.from([0xff, 0, 0xfe]).toString('base64'),
    });
  });

  it('CSV has a header and one record per message', async () => {
    const end = await (await exportOf({ format: 'csv', filter: { runId: 'run-b' } })).finished;
    const lines = readFileSync(end.path!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0].startsWith('id,time,run,node')).toBe(true);
    expect(lines).toHaveLength(1 + 1500);
  });

  it('Cancel stops it and leaves no file at all, not even a partial one', async () => {
    const job = await exportOf();
    job.cancel();
    const end = await job.finished;
    expect(end.state).toBe('cancelled');
    expect(end.written).toBeLessThan(4500);
    expect(readdirSync(dir)).toEqual([]);
  });
});
