import type { RunSnapshot, RunState } from '@shared/api/contract';
import { api, errorText } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { useFlowStore } from '../canvas/flow-store';
import { showRunMessages } from '../messages/messages-feed';
import { useSettingsStore } from '../settings/settings-store';
import { useCountersStore } from './counters-store';
import { useRunLogStore } from './run-log-store';
import { isRunActive, useRunStore } from './run-store';

/** Run: sends the flow as it is on the canvas; problems keep it from starting and are listed. */
export async function startRun(): Promise<void> {
  const run = useRunStore.getState();
  if (run.pending || isRunActive(run.state)) return;
  run.setProblems(null);
  run.setPending(true);
  try {
    const flowState = useFlowStore.getState();
    const res = await api()['run.start']({
      flow: flowState.toDocument(),
      environment: useSettingsStore.getState().environment,
      // The engine reads .proto files beside a saved flow (only where the host vouches for it).
      ...(flowState.filePath ? { filePath: flowState.filePath } : {}),
    });
    if (!res.ok) {
      useRunStore.getState().setProblems(res.problems);
      return;
    }
    // `run.state` may already have told us about this run; only fill in what is missing.
    if (useRunStore.getState().runId !== res.runId) onRunState(res.runId, 'starting');
  } catch (err) {
    showNotice(`Could not start the run: ${errorText(err)}`, { tone: 'error', ms: 8000 });
  } finally {
    useRunStore.getState().setPending(false);
  }
}

/** Stop: the engine disposes every client, server and timer of the run. */
export async function stopRun(): Promise<void> {
  useRunStore.getState().setPending(true);
  try {
    await api()['run.stop']({});
  } catch (err) {
    showNotice(`Could not stop the run: ${errorText(err)}`, { tone: 'error', ms: 8000 });
  } finally {
    useRunStore.getState().setPending(false);
  }
}

/** Applies a run state from the engine; a new run id resets counters and the message list. */
export function onRunState(runId: string, state: RunState, error?: string): void {
  const prev = useRunStore.getState();
  prev.setRunState(runId, state, error ?? null);
  if (useCountersStore.getState().runId !== runId) useCountersStore.getState().reset(runId);
  if (useRunLogStore.getState().runId !== runId) useRunLogStore.getState().reset(runId);
  showRunMessages(runId);
  if (state === 'failed' && error && prev.state !== 'failed') {
    showNotice(`The run failed: ${error}`, { tone: 'error', ms: 10_000 });
  }
}

/** Picks up a run already going (or the last one) when the UI (re)connects. */
export async function refreshRunStatus(): Promise<void> {
  const snap: RunSnapshot = await api()['run.status']({});
  if (snap.runId) {
    useRunStore.getState().setRunState(snap.runId, snap.state, snap.error ?? null);
    useCountersStore.getState().reset(snap.runId, snap.counters);
    useRunLogStore.getState().reset(snap.runId, await api()['run.log']({}));
    showRunMessages(snap.runId);
    return;
  }
  const [last] = await api()['runs.list']({ limit: 1 });
  if (last) showRunMessages(last.id);
}
