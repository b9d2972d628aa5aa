import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { LintFinding } from '@shared/flow/lint/lint-flow';
import { useFlowStore } from '../canvas/flow-store';
import type { FlowbenchEdge, FlowbenchNode } from '../canvas/flow-types';

const REVEAL_MS = 250;

/** Selects a finding's node (or edge) and centres it in the canvas, keeping the zoom. */
export function useRevealFinding(): (finding: LintFinding) => void {
  const { getInternalNode, setCenter, getZoom } = useReactFlow<FlowbenchNode, FlowbenchEdge>();
  return useCallback(
    (finding: LintFinding) => {
      const centreOf = (id: string): { x: number; y: number } | null => {
        const node = getInternalNode(id);
        if (!node) return null;
        const { x, y } = node.internals.positionAbsolute;
        return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
      };
      const store = useFlowStore.getState();
      let target: { x: number; y: number } | null = null;
      if (finding.nodeId) {
        store.selectNode(finding.nodeId);
        target = centreOf(finding.nodeId);
      } else if (finding.edgeId) {
        const edge = store.edges.find((e) => e.id === finding.edgeId);
        if (!edge) return;
        // Selection only: these changes are view state and do not mark the flow edited.
        store.onNodesChange(
          store.nodes.filter((n) => n.selected).map((n) => ({ type: 'select', id: n.id, selected: false })),
        );
        store.onEdgesChange(
          store.edges
            .filter((e) => e.selected !== (e.id === edge.id))
            .map((e) => ({ type: 'select', id: e.id, selected: e.id === edge.id })),
        );
        const a = centreOf(edge.source);
        const b = centreOf(edge.target);
        target = a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : (a ?? b);
      }
      if (target) void setCenter(target.x, target.y, { zoom: getZoom(), duration: REVEAL_MS });
    },
    [getInternalNode, setCenter, getZoom],
  );
}
