import { Background, BackgroundVariant, useStore, type ReactFlowState } from '@xyflow/react';
import type { ReactElement } from 'react';

const GAP = 20;
/**
 * Below this zoom the dots would be closer than 8 px: a grey haze rather than a grid, and
 * thousands of dots redrawn on every frame of a pan. Zoomed out that far, none are drawn.
 */
export const MIN_DOT_ZOOM = 0.4;

const dotsVisible = (s: ReactFlowState): boolean => s.transform[2] >= MIN_DOT_ZOOM;

/** The canvas's dot grid; re-renders only when the zoom crosses MIN_DOT_ZOOM, not on every pan. */
export function CanvasDots(): ReactElement | null {
  const visible = useStore(dotsVisible);
  // Dot colour comes from theme.css (--xy-background-pattern-color), per theme.
  return visible ? <Background variant={BackgroundVariant.Dots} gap={GAP} size={1.2} /> : null;
}
