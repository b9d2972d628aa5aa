import type { OnNodeDrag } from '@xyflow/react';
import { useCallback } from 'react';
import { useFlowStore } from './flow-store';
import type { FlowbenchNode } from './flow-types';
import { regroup } from './group-membership';

/**
 * `onNodeDragStop` that moves dragged nodes into or out of groups. It runs in the same
 * task as the drag's end, so undo takes back the drag and the regrouping as one step.
 */
export function useGroupMembership(): OnNodeDrag<FlowbenchNode> {
  return useCallback<OnNodeDrag<FlowbenchNode>>((_event, _node, dragged) => {
    const { nodes, commit } = useFlowStore.getState();
    const next = regroup(
      nodes,
      dragged.map((n) => n.id),
    );
    if (next !== nodes) commit({ nodes: next });
  }, []);
}
