import { useEffect } from 'react';
import { api, errorText } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { useFlowStore, type FlowState } from '../canvas/flow-store';
import { isRunActive, useRunStore } from '../run/run-store';
import { FaultSync } from './fault-sync';
import { faultsByTarget } from './fault-targets';

const snapshot = (s: Pick<FlowState, 'nodes' | 'edges'>): Map<string, unknown> =>
  faultsByTarget(s.nodes, s.edges);

/**
 * Faults on demand: while a run goes, edits of a node's or edge's faults (including undo
 * and redo) reach the running flow through `run.setFaults`, a moment after the last one.
 * The edit itself stays an ordinary, undoable document edit.
 */
export function useLiveFaults(): void {
  useEffect(() => {
    const sync = new FaultSync(
      async (targetId, faults) => {
        await api()['run.setFaults']({ targetId, faults });
      },
      (targetId, err) =>
        showNotice(`Could not change the faults of ${targetId} in the run: ${errorText(err)}`, {
          tone: 'error',
          ms: 8000,
        }),
    );
    let runId: string | null = null;
    const onRun = (): void => {
      const run = useRunStore.getState();
      const live = isRunActive(run.state) ? run.runId : null;
      if (live === runId) return;
      runId = live;
      // A new run starts from the document as it is now.
      if (live) sync.start(snapshot(useFlowStore.getState()));
      else sync.stop();
    };
    onRun();
    const offRun = useRunStore.subscribe(onRun);
    const offFlow = useFlowStore.subscribe((s, prev) => {
      if (s.nodes !== prev.nodes || s.edges !== prev.edges) sync.update(snapshot(s));
    });
    return () => {
      offRun();
      offFlow();
      sync.stop();
    };
  }, []);
}
