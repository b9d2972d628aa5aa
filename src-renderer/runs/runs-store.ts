import { create } from 'zustand';
import type { RunSummary } from '@shared/api/contract';
import type { RetentionPolicy, RunDeletion } from '@shared/api/runs-requests';
import { api, errorText } from '../app/api-holder';

interface RunsState {
  runs: RunSummary[];
  /** Ticked runs, in the order they were ticked (the first two are compared). */
  selected: string[];
  error: string | null;
  deletion: RunDeletion | null;
  retention: RetentionPolicy;
}

export const useRunsStore = create<RunsState>()(() => ({
  runs: [],
  selected: [],
  error: null,
  deletion: null,
  retention: {},
}));

export async function refreshRuns(): Promise<void> {
  try {
    const [runs, retention] = await Promise.all([
      api()['runs.list']({ limit: 200 }),
      api()['runs.retention.get']({}),
    ]);
    const known = new Set(runs.map((r) => r.id));
    useRunsStore.setState((s) => ({
      runs,
      retention,
      error: null,
      selected: s.selected.filter((id) => known.has(id)),
    }));
  } catch (err) {
    useRunsStore.setState({ error: errorText(err) });
  }
}

export function toggleRun(id: string): void {
  useRunsStore.setState((s) => ({
    selected: s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id],
  }));
}

/** Starts deleting the ticked runs; progress arrives as `runs.deletion` events. */
export async function deleteSelected(): Promise<void> {
  const ids = useRunsStore.getState().selected;
  if (ids.length === 0) return;
  try {
    const job = await api()['runs.delete']({ runIds: ids });
    useRunsStore.setState({ deletion: job });
  } catch (err) {
    useRunsStore.setState({ error: errorText(err) });
  }
}

export async function cancelDeletion(): Promise<void> {
  const job = useRunsStore.getState().deletion;
  if (job) await api()['runs.cancelDelete']({ jobId: job.jobId });
}

/** A deletion's progress; at its end the list reloads (what is gone, is gone wholly). */
export function onDeletionProgress(p: RunDeletion): void {
  const current = useRunsStore.getState().deletion;
  if (current && current.jobId !== p.jobId) return;
  useRunsStore.setState({ deletion: p });
  if (p.state !== 'running') void refreshRuns();
}

export async function saveRetention(policy: RetentionPolicy): Promise<string[]> {
  const { deleted } = await api()['runs.retention.set']({ policy });
  await refreshRuns();
  return deleted;
}
