import { create } from 'zustand';

interface SelectionState {
  nodeIds: string[];
  edgeIds: string[];
  set(nodeIds: string[], edgeIds: string[]): void;
}

/**
 * What is selected on the canvas, mirrored from React Flow's `onSelectionChange` so the
 * inspector and panels read one small value instead of scanning every node.
 */
export const useSelectionStore = create<SelectionState>()((set) => ({
  nodeIds: [],
  edgeIds: [],
  set: (nodeIds, edgeIds) => set({ nodeIds, edgeIds }),
}));

/** The one selected node id, or null when none or several are selected. */
export function selectSingleNodeId(s: SelectionState): string | null {
  return s.nodeIds.length === 1 ? s.nodeIds[0] : null;
}
