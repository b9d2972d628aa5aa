import { parentPort, workerData } from 'node:worker_threads';
import type { ArchiveWorkerData, FromArchiveWorker, ToArchiveWorker } from './archive-worker-protocol';
import { openStore } from './open-store';
import { toWireError } from './recorder-worker-protocol';

/*
 * The run archive's thread: reports, playback timelines and run deletes of big runs take
 * seconds of SQLite work, so they run here on a connection of their own and the engine's
 * thread keeps answering. Reads see the last commit (WAL); a delete is one IMMEDIATE
 * transaction, so it takes its turn as the database's single writer like any other
 * connection (waiting up to the busy timeout), and a run is wholly deleted or wholly kept.
 */

const data = workerData as ArchiveWorkerData;
const port = parentPort!;
const store = openStore(data.file, { nativeBinding: data.nativeBinding });

function call(request: Extract<ToArchiveWorker, { type: 'call' }>): unknown {
  switch (request.op) {
    case 'report':
      return store.runs.report(...request.args);
    case 'timeline':
      return store.runs.timeline(...request.args);
    case 'deleteRun':
      return store.runs.deleteRun(...request.args);
  }
}

port.on('message', (request: ToArchiveWorker) => {
  if (request.type === 'close') {
    store.close();
    port.close();
    return;
  }
  let answer: FromArchiveWorker;
  try {
    answer = { id: request.id, ok: true, result: call(request) };
  } catch (err) {
    answer = { id: request.id, ok: false, error: toWireError(err) };
  }
  port.postMessage(answer);
});
