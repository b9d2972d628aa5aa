import { useShallow } from 'zustand/react/shallow';
import { useFlowStore } from './flow-store';

/** Node id → name; re-renders the caller only when an id or a name changes (not on drags). */
export function useNodeNames(): Record<string, string> {
  return useFlowStore(
    useShallow((s) => Object.fromEntries(s.nodes.map((n) => [n.id, n.data.config.name] as const))),
  );
}
