import { parentPort, workerData } from 'node:worker_threads';
import { carryOutRetention } from './apply-retention';
import type { ArchiveWorkerData, FromArchiveWorker, ToArchiveWorker } from './archive-worker-protocol';
import { openStore } from './open-store';
import { deleteRunPaced } from './paced-run-delete';
import { toWireError } from './recorder-worker-protocol';

/*
 * The run archive's thread: reports, playback timelines, run deletes and retention of big
 * runs take seconds of SQLite work, so they run here on a connection of their own and the
 * engine's thread keeps answering. Reads see the last commit (WAL). A delete marks its run
 * (hidden from then on) and empties it in short transactions with pauses between them, so the
 * recorder and the engine's writes get the single write lock within one step; a report asked
 * meanwhile is answered between two steps, and never sees a marked run. Closing stops a delete
 * between steps: the run stays marked, and the next start of this thread finishes it.
 */

const data = workerData as ArchiveWorkerData;
const port = parentPort!;
const store = openStore(data.file, { nativeBinding: data.nativeBinding });
let closing = false;
const paced = { stopped: (): boolean => closing };
let writes: Promise<unknown> = Promise.resolve();

/** Deletes and retention take turns: one at a time, in the order they came. */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = writes.then(work);
  writes = next.catch(() => undefined);
  return next;
}

const deleteRun = (runId: string, onProgress?: (fraction: number) => void): Promise<boolean> =>
  deleteRunPaced(store.runs.deleteSteps, runId, { ...paced, onProgress });

// Deletes an earlier session left half done (crash, exit) are finished first.
for (const runId of store.runs.deleteSteps.marked()) void inTurn(() => deleteRun(runId));

function call(request: Extract<ToArchiveWorker, { type: 'call' }>): unknown {
  switch (request.op) {
    case 'report':
      return store.runs.report(...request.args);
    case 'timeline':
      return store.runs.timeline(...request.args);
    case 'deleteRun': {
      const { id } = request;
      const onProgress = (progress: number): void =>
        port.postMessage({ id, progress } satisfies FromArchiveWorker);
      return inTurn(() => deleteRun(request.args[0], onProgress));
    }
    case 'retain': {
      const [plan] = request.args;
      return inTurn(() => carryOutRetention(store.runs, plan, (runId) => deleteRun(runId), paced.stopped));
    }
  }
}

/** Calls not answered yet: closing waits for them, or their answers would go after the port's close. */
const unanswered = new Set<Promise<void>>();

function answer(id: number, settle: () => unknown): void {
  const answered = Promise.resolve()
    .then(settle)
    .then(
      (result) => port.postMessage({ id, ok: true, result } satisfies FromArchiveWorker),
      (err: unknown) =>
        port.postMessage({ id, ok: false, error: toWireError(err) } satisfies FromArchiveWorker),
    )
    .finally(() => unanswered.delete(answered));
  unanswered.add(answered);
}

port.on('message', (request: ToArchiveWorker) => {
  if (request.type === 'close') {
    closing = true;
    // The delete in hand stops after its step; what is queued behind it sees `closing` and stops at once.
    void Promise.all([writes, ...unanswered]).then(() => {
      store.close();
      port.postMessage({ closed: true } satisfies FromArchiveWorker);
      port.close();
    });
    return;
  }
  answer(request.id, () => call(request));
});
