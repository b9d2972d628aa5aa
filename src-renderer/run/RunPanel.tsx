import { useCallback, useEffect, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlowStore } from '../canvas/flow-store';
import { useNodeNames } from '../canvas/useNodeNames';
import { centreOn } from '../commands/canvas-view';
import { useCountersStore } from './counters-store';
import { LatencyHistogram } from './LatencyHistogram';
import { ChartBox, LatencyChart, ThroughputChart } from './RunCharts';
import { RunLog } from './RunLog';
import { useRunPanelStore } from './run-panel-store';
import './run-panel.css';

/**
 * The run panel of the bottom dock: throughput and latency over the run, the latency
 * histogram of one node (the selected one, else the busiest with latencies), the run log.
 */
export function RunPanel({ hidden }: { hidden: boolean }): ReactElement {
  const nodeId = useFocusNode();
  const reveal = useRevealNode();
  return (
    <section className="fb-runp" aria-label="Run panel" hidden={hidden} data-testid="run-panel">
      {!hidden && (
        <div className="fb-runp__grid">
          <ThroughputChart />
          <LatencyChart nodeId={nodeId} />
          <ChartBox title="Latency histogram" extra={<NodePicker nodeId={nodeId} />}>
            <LatencyHistogram nodeId={nodeId} />
          </ChartBox>
          <RunLog onReveal={reveal} />
        </div>
      )}
    </section>
  );
}

/** Chooses the node the latency chart and histogram show (also follows the canvas selection). */
function NodePicker({ nodeId }: { nodeId: string | null }): ReactElement {
  const names = useNodeNames();
  const ids = useCountersStore(useShallow((s) => Object.keys(s.byNode)));
  const setNode = useRunPanelStore((s) => s.setNode);
  return (
    <select
      className="fb-runp__select"
      aria-label="Node"
      value={nodeId ?? ''}
      onChange={(e) => setNode(e.target.value || null)}
    >
      {nodeId === null && <option value="">No node</option>}
      {ids
        .filter((id) => names[id] !== undefined)
        .map((id) => (
          <option key={id} value={id}>
            {names[id] || id}
          </option>
        ))}
    </select>
  );
}

/**
 * The node the panel focuses: the one the user picked or selected on the canvas, else the
 * busiest node that has latencies.
 */
function useFocusNode(): string | null {
  const chosen = useRunPanelStore((s) => s.nodeId);
  const setNode = useRunPanelStore((s) => s.setNode);
  const busiest = useCountersStore((s) => {
    // By messages moved so far, not by rate, so the choice does not flicker between nodes.
    let best: string | null = null;
    let moved = -1;
    // Governed edges and gateway routes have counters too; the panel focuses nodes only.
    const nodeIds = new Set(useFlowStore.getState().nodes.map((n) => n.id));
    for (const [id, c] of Object.entries(s.byNode)) {
      if (!nodeIds.has(id)) continue;
      const m = Math.max(c.sent, c.received);
      if (c.p50Ms !== undefined && m > moved) {
        best = id;
        moved = m;
      }
    }
    return best;
  });
  const known = useCountersStore((s) => (chosen ? s.byNode[chosen] !== undefined : false));
  useEffect(
    () =>
      useFlowStore.subscribe((s, prev) => {
        if (s.nodes === prev.nodes) return;
        const selected = s.nodes.filter((n) => n.selected);
        if (selected.length === 1 && !prev.nodes.find((n) => n.id === selected[0].id)?.selected) {
          setNode(selected[0].id);
        }
      }),
    [setNode],
  );
  return chosen && known ? chosen : busiest;
}

/** Selects a node and brings it to the middle of the canvas. */
function useRevealNode(): (nodeId: string) => void {
  return useCallback((nodeId: string) => {
    const store = useFlowStore.getState();
    const node = store.nodes.find((n) => n.id === nodeId);
    if (!node) return;
    store.selectNode(nodeId);
    centreOn(node);
  }, []);
}
