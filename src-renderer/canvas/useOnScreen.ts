import { useStore, type ReactFlowState } from '@xyflow/react';
import { DEFAULT_SIZE } from '../commands/canvas-view';

/** Screen pixels around the visible canvas that still count as on screen, so panning finds nodes up to date. */
const MARGIN = 160;

/** True while the node (with a margin) is inside the visible canvas. */
export function nodeOnScreen(s: ReactFlowState, id: string): boolean {
  const n = s.nodeLookup.get(id);
  if (!n || s.width === 0) return true;
  const [tx, ty, k] = s.transform;
  const x = n.internals.positionAbsolute.x * k + tx;
  const y = n.internals.positionAbsolute.y * k + ty;
  const w = (n.measured.width ?? DEFAULT_SIZE.w) * k;
  const h = (n.measured.height ?? DEFAULT_SIZE.h) * k;
  return x + w > -MARGIN && y + h > -MARGIN && x < s.width + MARGIN && y < s.height + MARGIN;
}

/**
 * Whether the node is on screen; re-renders its caller only when that flips (a pan or zoom
 * that moves it in or out), never on other canvas changes.
 */
export function useOnScreen(id: string): boolean {
  return useStore((s) => nodeOnScreen(s, id));
}
