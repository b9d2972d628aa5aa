import { useReactFlow, type Edge, type Node, type ReactFlowProps } from '@xyflow/react';
import { useEffect, useMemo, type HTMLAttributes, type MouseEvent as ReactMouseEvent } from 'react';
import { useFlowStore } from '../canvas/flow-store';
import type { FlowbenchEdge, FlowbenchNode } from '../canvas/flow-types';
import { NEVER } from '../canvas/flow-history';
import { setCanvasInstance, setCanvasPointer } from './canvas-view';
import { GRID, useEditorPrefs } from './editor-prefs';
import { openOverlay, type ContextTarget } from './overlay-store';

type FlowProps = Pick<
  ReactFlowProps<FlowbenchNode, FlowbenchEdge>,
  | 'onNodeContextMenu'
  | 'onEdgeContextMenu'
  | 'onPaneContextMenu'
  | 'onSelectionContextMenu'
  | 'snapToGrid'
  | 'snapGrid'
  | 'zoomOnDoubleClick'
  | 'selectionKeyCode'
  | 'multiSelectionKeyCode'
>;

const SNAP_GRID: [number, number] = [GRID, GRID];
// Shift adds to the selection as in most editors; Ctrl/Cmd as React Flow does by default.
const MULTI_SELECT = ['Shift', 'Meta', 'Control'];

/**
 * Makes the right-clicked item the selection (never an undo step). A node already in the
 * selection keeps it, so the menu can align them; a connection's menu is about it alone.
 */
function selectOnly(kind: 'node' | 'edge', id: string): void {
  const s = useFlowStore.getState();
  const item = kind === 'node' ? s.nodes.find((n) => n.id === id) : s.edges.find((e) => e.id === id);
  if (kind === 'node' && item?.selected) return;
  s.commit(
    {
      nodes: s.nodes.map((n) =>
        n.selected === (kind === 'node' && n.id === id) ? n : { ...n, selected: !n.selected },
      ),
      edges: s.edges.map((e) =>
        e.selected === (kind === 'edge' && e.id === id) ? e : { ...e, selected: !e.selected },
      ),
    },
    NEVER,
  );
}

/**
 * The canvas's editing wiring: context menus, double-click quick-add, snap to grid,
 * Shift selection, and the React Flow instance and pointer for commands run outside React.
 */
export function useCanvasEditing(): { flow: FlowProps; container: HTMLAttributes<HTMLDivElement> } {
  const instance = useReactFlow<FlowbenchNode, FlowbenchEdge>();
  const snapToGrid = useEditorPrefs((s) => s.snapToGrid);

  useEffect(() => {
    setCanvasInstance(instance);
    return () => setCanvasInstance(null);
  }, [instance]);

  return useMemo(() => {
    const menu = (target: ContextTarget, e: MouseEvent | ReactMouseEvent): void => {
      e.preventDefault();
      const screen = { x: e.clientX, y: e.clientY };
      openOverlay({ kind: 'context-menu', target, screen, flow: instance.screenToFlowPosition(screen) });
    };
    return {
      flow: {
        onNodeContextMenu: (e: ReactMouseEvent, node: Node) => {
          selectOnly('node', node.id);
          menu('node', e);
        },
        onSelectionContextMenu: (e: ReactMouseEvent) => menu('selection', e),
        onEdgeContextMenu: (e: ReactMouseEvent, edge: Edge) => {
          selectOnly('edge', edge.id);
          menu('edge', e);
        },
        onPaneContextMenu: (e: MouseEvent | ReactMouseEvent) => menu('pane', e),
        snapToGrid,
        snapGrid: SNAP_GRID,
        zoomOnDoubleClick: false,
        selectionKeyCode: 'Shift',
        multiSelectionKeyCode: MULTI_SELECT,
      },
      container: {
        onDoubleClick: (e) => {
          if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
          const screen = { x: e.clientX, y: e.clientY };
          openOverlay({ kind: 'quick-add', screen, flow: instance.screenToFlowPosition(screen) });
        },
        onPointerMove: (e) => setCanvasPointer({ x: e.clientX, y: e.clientY }),
        onPointerLeave: () => setCanvasPointer(null),
      },
    };
  }, [instance, snapToGrid]);
}
