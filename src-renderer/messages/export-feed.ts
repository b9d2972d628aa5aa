import type { ExportFormat, ExportProgress } from '@shared/api/message-requests';
import { api, errorText } from '../app/api-holder';
import { useMessagesStore } from './messages-store';

const set = useMessagesStore.setState;

/**
 * Starts exporting the filter in force; progress arrives as events. `fileName` names the
 * file in browser mode and pre-fills the save dialog on the desktop.
 */
export async function startExport(format: ExportFormat, fileName: string): Promise<void> {
  const filter = useMessagesStore.getState().filter;
  try {
    const started = await api()['messages.export']({
      filter,
      format,
      fileName: fileName.trim() || undefined,
    });
    // Cancel in the save dialog: nothing was written, nothing to report.
    if (started.canceled) return;
    const { exportId, total } = started;
    const cur = useMessagesStore.getState().exportJob;
    // The done event of a tiny export may arrive before this answer.
    if (cur?.exportId !== exportId) set({ exportJob: { exportId, state: 'running', written: 0, total } });
  } catch (err) {
    set({ exportJob: { exportId: '', state: 'failed', written: 0, total: 0, error: errorText(err) } });
  }
}

export function onExportProgress(p: ExportProgress): void {
  set({ exportJob: p });
}

export async function cancelExport(): Promise<void> {
  const job = useMessagesStore.getState().exportJob;
  if (!job || job.state !== 'running') return;
  try {
    await api()['messages.exportCancel']({ exportId: job.exportId });
  } catch (err) {
    set({ exportJob: { ...job, state: 'failed', error: errorText(err) } });
  }
}

export function dismissExport(): void {
  set({ exportJob: null });
}
