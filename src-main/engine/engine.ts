import { join } from 'node:path';
import { serializeFlow, parseFlowValue } from '@shared/flow/parse';
import sampleFlow from '../../resources/sample.flow.json';
import { workspaceFlowFolder } from '../host/flow-folder';
import { flowsDirOf } from '../host/data-dir';
import { workspaceExportTarget } from './messages/export-target';
import { createRecoveryFile } from '../host/recovery-file';
import { ArchiveThread } from '../store/archive-thread';
import { openStore } from '../store/open-store';
import { Recorder } from '../store/recorder';
import { createMessageHandlers } from './api/message-handlers';
import { createPayloadDecoder } from './contracts/decode-for-display';
import { createFtsIdleIndexer } from './messages/fts-idle-indexer';
import { compileFlow } from './compiler/compile-flow';
import { importHandlers } from '../import/import-handlers';
import { createReplayHandlers } from './api/replay-handlers';
import { createEnvironmentService } from './environments/environment-handlers';
import type { Engine, EngineHandlers, EngineOptions } from './engine-types';
import { createRunsService } from './api/runs-handlers';
import { eventStateAt, eventStreams } from './runtime/event-store-queries';
import { RunController } from './runtime/run-controller';
import { checkGraphql } from './schema/check-graphql';
import { checkProto } from './schema/check-proto';
import { previewTemplate } from './template/template-preview';
import { getTemplate, listTemplates } from './templates/template-library';

const MESSAGES_EVENT_INTERVAL_MS = 250;

/**
 * Creates the engine behind the API: the workspace store, the batched recorder and the run
 * controller. Plain Node: the same engine serves Electron, browser mode, the CLI and tests.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const file = options.dbFile ?? join(options.dataDir, 'flowbench.db');
  const nativeBinding = options.sqliteNativeBinding;
  const store = openStore(file, { nativeBinding });
  const pendingAdded = new Map<string, { lastId: number; added: number }>();
  const totals = new Map<string, number>();
  let addedTimer: NodeJS.Timeout | undefined;
  const flushAdded = (): void => {
    addedTimer = undefined;
    for (const [runId, info] of pendingAdded) {
      const total = (totals.get(runId) ?? 0) + info.added;
      totals.set(runId, total);
      options.emit('messages.added', { runId, lastId: info.lastId, total });
    }
    pendingAdded.clear();
  };
  const ftsIndexer = createFtsIdleIndexer(store, (err) =>
    console.error(`[flowbench] full-text indexing failed: ${err.message}`),
  );
  // Once at start: what earlier sessions left unindexed (or a v10 upgrade's lookups) is caught up.
  ftsIndexer.written();
  const recorder = new Recorder(store, {
    onFlushed: (info) => {
      ftsIndexer.written();
      for (const [runId, lastId] of Object.entries(info.lastMessageIdByRun)) {
        const prev = pendingAdded.get(runId);
        pendingAdded.set(runId, { lastId, added: (prev?.added ?? 0) + (info.messagesByRun[runId] ?? 0) });
      }
      // Throttled: the UI hears "new rows up to id N" at most every 250 ms and pulls the page itself.
      addedTimer ??= setTimeout(flushAdded, MESSAGES_EVENT_INTERVAL_MS);
    },
    onError: (err) => console.error(`[flowbench] recording failed: ${err.message}`),
    // Inserts run on a worker thread so they never hold up the brokers' callbacks.
    writerThread: { file, nativeBinding },
  });
  const controller = new RunController(store, recorder, options.emit);
  const messageApi = createMessageHandlers({
    store,
    dataDir: options.dataDir,
    emit: options.emit,
    activeRun: () =>
      controller.snapshot(environments.active()).state === 'running' ? controller.currentOrLast() : null,
    chooseExportTarget: options.chooseExportTarget ?? workspaceExportTarget(flowsDirOf(options.dataDir)),
  });
  // Secrets live only in memory: stored environments hold references and redacted URLs.
  const environments = createEnvironmentService(store, { secrets: options.secrets, env: process.env });
  const recovery = createRecoveryFile(options.dataDir);
  const decodePayload = createPayloadDecoder(store);
  const flowFolderOf = options.flowFolderOf ?? workspaceFlowFolder(options.dataDir);
  const replay = createReplayHandlers(
    { store, sink: recorder, environment: (env) => environments.resolveForRun(env), emit: options.emit },
    controller,
  );
  // Reports, timelines and run deletes take seconds on big runs: a thread of their own keeps the engine answering.
  const archive = new ArchiveThread(store.runs, { file, nativeBinding }, (err) =>
    console.error(`[flowbench] ${err.message}`),
  );
  const runs = createRunsService(store, options.emit, () => recorder.flushAsync(), archive);

  const handlers: EngineHandlers = {
    'flow.sample': async () => {
      const parsed = parseFlowValue(sampleFlow);
      if (!parsed.ok) throw new Error('the bundled sample flow is invalid');
      return { text: serializeFlow(parsed.flow) };
    },
    'templates.list': async () => ({ templates: listTemplates() }),
    'templates.get': async ({ id }) => getTemplate(id),
    'flow.validate': async ({ flow }) => {
      const res = compileFlow(flow);
      return { problems: res.ok ? [] : res.problems };
    },
    'template.preview': async ({ template, seq }) => previewTemplate(template, seq),
    'schema.check': async ({ kind, source }) => ({
      errors: kind === 'proto' ? checkProto(source) : checkGraphql(source),
    }),
    'recovery.save': async ({ text, filePath }) => recovery.save(text, filePath ?? null),
    'recovery.load': async () => recovery.load(),
    'recovery.clear': async () => ({ cleared: await recovery.clear() }),
    ...environments.handlers,
    ...importHandlers(),
    ...replay.handlers,
    // A variable not set or a keychain entry not readable fails here, naming it: no run starts.
    'run.start': async (input) => {
      const environment = await environments.resolveForRun(input.environment);
      // Retention is planned before a run starts, keeping room for it ("keep 5 runs" holds with the
      // new one); its deletes go on on the archive's thread while the run starts.
      runs
        .applyStoredRetention(1)
        .catch((err: Error) => console.error(`[flowbench] retention failed: ${err.message}`));
      return controller.start(input.flow, environment, input.filePath ? flowFolderOf(input.filePath) : null, {
        tracing: input.tracing ?? true,
      });
    },
    'run.stop': async () => controller.stop(),
    'run.status': async () => controller.snapshot(environments.active()),
    'run.pause': async ({ nodeIds }) => controller.setPaused(true, nodeIds),
    'run.resume': async ({ nodeIds }) => controller.setPaused(false, nodeIds),
    'run.log': async () => controller.log(),
    'run.restartNode': async ({ nodeId }) => controller.restartNode(nodeId),
    'run.redrive': async ({ nodeId }) => controller.redrive(nodeId),
    'run.setFaults': async ({ targetId, faults }) => controller.setFaults(targetId, faults),
    'run.histogram': async ({ nodeId }) => controller.histogram(nodeId),
    'run.nodeState': async ({ nodeId }) => controller.nodeState(nodeId),
    'saga.instances': async ({ flowName, nodeId, limit }) => store.sagas.list(flowName, nodeId, limit),
    'runs.list': async ({ limit }) => store.listRuns(limit),
    'messages.list': async ({ runId, beforeId, limit }) => store.listMessages(runId, beforeId, limit),
    'messages.get': async ({ id }) => {
      const detail = store.getMessage(id);
      return detail ? decodePayload(detail) : null;
    },
    'trace.get': async ({ traceId }) => store.traceEvents(traceId),
    'eventStore.streams': async ({ nodeId }) => eventStreams(controller.currentOrLast(), nodeId),
    'eventStore.state': async (input) => eventStateAt(controller.currentOrLast(), input),
    ...runs.handlers,
    ...messageApi.handlers,
  };

  return {
    handlers,
    async close() {
      await replay.close();
      await controller.stop();
      await messageApi.close();
      ftsIndexer.close();
      // Waits for the writer without blocking; close() then only ends its connection.
      await recorder.flushAsync();
      recorder.close();
      if (addedTimer) clearTimeout(addedTimer);
      await archive.close();
      store.close();
    },
  };
}
