import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveThread } from './archive-thread';
import { openStore } from './open-store';
import type { Store } from './store';
import { sampleEvent, sampleMessage, tempDbFile, traceId } from './test-fixtures';

let tmp: ReturnType<typeof tempDbFile>;
let store: Store;
let thread: ArchiveThread | undefined;
beforeEach(() => {
  tmp = tempDbFile();
  store = openStore(tmp.file);
});
afterEach(async () => {
  await thread?.close();
  thread = undefined;
  store.close();
  tmp.cleanup();
});

/** A finished run of `n` messages, each with a produce span. */
function recordRun(id: string, n: number, firstId: number): void {
  store.createRun({ id, flowName: 'f', flowJson: '{}', environment: 'e', startedAt: 1 });
  store.insertBatch(
    Array.from({ length: n }, (_, i) => ({
      ...sampleMessage({ runId: id, traceId: traceId(firstId + i) }),
      id: firstId + i,
    })),
    Array.from({ length: n }, (_, i) => sampleEvent({ runId: id, traceId: traceId(firstId + i), ts: 1 + i })),
  );
  store.finishRun(id, 'stopped', 1 + n);
}

describe('the run archive thread', () => {
  it('reports, plays back and deletes on its own connection; this connection sees the delete', async () => {
    recordRun('a', 20, 1);
    recordRun('b', 5, 100);
    const errors: Error[] = [];
    thread = new ArchiveThread(store.runs, { file: tmp.file }, (err) => errors.push(err));
    const inlineDelete = vi.spyOn(store.runs, 'deleteRun');
    expect(await thread.report('a')).toEqual(store.runs.report('a'));
    expect(await thread.timeline('a', 10)).toEqual(store.runs.timeline('a', 10));
    expect(await thread.report('nope')).toBeNull();
    expect(await thread.deleteRun('a')).toBe(true);
    expect(await thread.deleteRun('a')).toBe(false);
    // Deleted by the thread's connection, not this one.
    expect(inlineDelete).not.toHaveBeenCalled();
    expect(store.listRuns(10).map((r) => r.id)).toEqual(['b']);
    expect(store.listMessages('a', undefined, 10).total).toBe(0);
    expect(errors).toEqual([]);
  });

  it('when its thread cannot open the database, answers every call on this thread and says why', async () => {
    recordRun('a', 3, 1);
    const broken = join(tmp.dir, 'not-a-database.db');
    writeFileSync(broken, 'plain text, not SQLite '.repeat(100));
    const errors: Error[] = [];
    thread = new ArchiveThread(store.runs, { file: broken }, (err) => errors.push(err));
    const [report, deleted] = await Promise.all([thread.report('a'), thread.deleteRun('a')]);
    expect(report?.run.messageCount).toBe(3);
    expect(deleted).toBe(true);
    expect(await thread.timeline('a', 10)).toBeNull();
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /run archive's thread failed \(.*not a Flowbench database.*\); working on this thread/,
      ),
    ]);
  });
});
