import type { NodeKind } from '@shared/flow/node-kinds';
import { api, errorText } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { useFlowStore } from '../canvas/flow-store';
import { useCountersStore } from './counters-store';
import { isRunActive, useRunStore } from './run-store';

/** The kinds that send on their own (at a rate), so pausing means something for them. */
export const PAUSABLE_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'producer',
  'timer',
  'restClient',
  'grpcClient',
  'graphqlClient',
]);

/** True when any node of the run reports its sending paused. */
export function anyPaused(byNode: Record<string, { paused?: boolean }>): boolean {
  for (const c of Object.values(byNode)) if (c.paused) return true;
  return false;
}

/** The selected nodes that can be paused, split by whether they are paused now. */
export function selectedSources(): { running: string[]; paused: string[] } {
  const counters = useCountersStore.getState().byNode;
  const running: string[] = [];
  const paused: string[] = [];
  for (const n of useFlowStore.getState().nodes) {
    if (!n.selected || !PAUSABLE_KINDS.has(n.type as NodeKind)) continue;
    (counters[n.id]?.paused ? paused : running).push(n.id);
  }
  return { running, paused };
}

const active = (): boolean => isRunActive(useRunStore.getState().state);

/**
 * Pauses every source of the run (`nodeIds` absent) or the listed ones. The flag shows at
 * once; the nodes confirm with `paused` in their counters when they next would have sent.
 */
export async function pauseSources(nodeIds?: string[]): Promise<void> {
  if (!active()) return;
  if (!nodeIds) useRunStore.getState().setPauseRequested(true);
  try {
    await api()['run.pause'](nodeIds ? { nodeIds } : {});
  } catch (err) {
    useRunStore.getState().setPauseRequested(false);
    showNotice(`Could not pause: ${errorText(err)}`, { tone: 'error', ms: 8000 });
  }
}

/** Resumes every paused source, or the listed ones. */
export async function resumeSources(nodeIds?: string[]): Promise<void> {
  if (!active()) return;
  if (!nodeIds) useRunStore.getState().setPauseRequested(false);
  try {
    await api()['run.resume'](nodeIds ? { nodeIds } : {});
  } catch (err) {
    showNotice(`Could not resume: ${errorText(err)}`, { tone: 'error', ms: 8000 });
  }
}

/** True when the toolbar's button should offer Resume: a pause was asked for or a node is paused. */
export function isPausedNow(): boolean {
  return useRunStore.getState().pauseRequested || anyPaused(useCountersStore.getState().byNode);
}

/** The Pause/Resume button and its shortcut: resumes everything when anything is paused. */
export function togglePause(): Promise<void> {
  return isPausedNow() ? resumeSources() : pauseSources();
}

/** The restart action of a consumer shown as "stopped: reason". */
export async function restartNode(nodeId: string): Promise<void> {
  try {
    const { restarted } = await api()['run.restartNode']({ nodeId });
    if (restarted === 0) showNotice('Nothing to restart: the node is not stopped.', { ms: 5000 });
  } catch (err) {
    showNotice(`Could not restart the node: ${errorText(err)}`, { tone: 'error', ms: 8000 });
  }
}
