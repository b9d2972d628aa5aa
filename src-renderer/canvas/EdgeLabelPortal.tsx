import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const selectDomNode = (s: ReactFlowState): ReactFlowState['domNode'] => s.domNode;

/**
 * Puts an edge's label in React Flow's edge-label layer, as its EdgeLabelRenderer does.
 * That one looks the layer up with querySelector in a store selector, so every label ran
 * a DOM query on every frame of a pan; this one looks it up once per canvas.
 */
export function EdgeLabelPortal({ children }: { children: ReactNode }): ReactElement | null {
  const domNode = useStore(selectDomNode);
  const layer = useMemo(() => domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null, [domNode]);
  return layer ? createPortal(children, layer) : null;
}
