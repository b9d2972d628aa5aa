import { createContext } from 'react';
import type { ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom a node's 11–13 px text is 6 px or less on screen: the canvas shows an
 * overview (node cards in their colours, connections) and leaves the unreadable text out.
 */
export const OVERVIEW_ZOOM = 0.45;

/** True while the canvas is zoomed out to an overview; changes only when the line is crossed. */
export const isOverview = (s: ReactFlowState): boolean => s.transform[2] < OVERVIEW_ZOOM;

/**
 * Whether the canvas shows the overview, provided once by the canvas: five hundred nodes
 * each subscribing to the viewport would each run a selector on every frame of a pan.
 */
export const OverviewContext = createContext(false);
