import type { EmitEvent } from './dispatch';
import type { EngineHandlers } from '../engine-types';
import { importMessages } from '../messages/import-messages';
import type { ChooseMessageExportTarget } from '../messages/export-target';
import { startExport, type ExportJob } from '../messages/message-export';
import type { Run } from '../runtime/run';
import { createSavedFilters } from '../messages/saved-filters';
import type { Store } from '../../store/store';

type MessageRequestName =
  | 'messages.query'
  | 'messages.filters.list'
  | 'messages.filters.save'
  | 'messages.filters.delete'
  | 'messages.export'
  | 'messages.exportCancel'
  | 'messages.import';

/** The message browser's handlers (issue 6), plus `close()` that cancels running exports. */
export function createMessageHandlers(options: {
  store: Store;
  dataDir: string;
  emit: EmitEvent;
  /** The run going now (imports produce on its connections), or null. */
  activeRun: () => Run | null;
  /** Where an export goes: a save dialog on the desktop, the workspace folder otherwise. */
  chooseExportTarget: ChooseMessageExportTarget;
}): {
  handlers: Pick<EngineHandlers, MessageRequestName>;
  close(): Promise<void>;
} {
  const { store, dataDir, emit } = options;
  const saved = createSavedFilters(dataDir);
  const exports = new Map<string, ExportJob>();
  return {
    handlers: {
      'messages.query': async (input) => store.queryMessages(input),
      'messages.filters.list': async () => ({ filters: await saved.list() }),
      'messages.filters.save': async ({ name, filter }) => ({ filters: await saved.save(name, filter) }),
      'messages.filters.delete': async ({ name }) => ({ filters: await saved.remove(name) }),
      'messages.export': async ({ filter, format, fileName }) => {
        const target = await options.chooseExportTarget({ format, fileName: fileName ?? 'messages' });
        if (!target) return { canceled: true };
        const job = startExport({
          reader: store.exportReader,
          target,
          filter,
          format,
          onProgress: (p) => emit('messages.exportProgress', p),
        });
        exports.set(job.exportId, job);
        void job.finished.then(() => exports.delete(job.exportId));
        return { canceled: false, exportId: job.exportId, total: job.total };
      },
      'messages.exportCancel': async ({ exportId }) => {
        const job = exports.get(exportId);
        if (!job) return { cancelled: false };
        job.cancel();
        const end = await job.finished;
        return { cancelled: end.state === 'cancelled' };
      },
      'messages.import': async ({ nodeId, text, routingKey }) => {
        const run = options.activeRun();
        if (!run)
          throw new Error('no run is going: start the flow, then import messages into one of its nodes');
        return importMessages(run, nodeId, text, routingKey);
      },
    },
    async close() {
      const jobs = [...exports.values()];
      for (const job of jobs) job.cancel();
      await Promise.all(jobs.map((j) => j.finished));
    },
  };
}
