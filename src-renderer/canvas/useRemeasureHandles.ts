import { useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * Asks React Flow to measure a node's handles again when `signature` (the handles it has)
 * changes after mount. Not on mount: React Flow measures every new node once anyway, and a
 * store update per node on mount costs a large flow hundreds of milliseconds to open.
 */
export function useRemeasureHandles(nodeId: string, signature: string): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const measured = useRef(signature);
  useEffect(() => {
    if (measured.current === signature) return;
    measured.current = signature;
    updateNodeInternals(nodeId);
  }, [nodeId, signature, updateNodeInternals]);
}
