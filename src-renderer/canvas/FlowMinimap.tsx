import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState, type PointerEvent, type ReactElement } from 'react';
import { shallow } from 'zustand/shallow';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import {
  boundsOf,
  fitFrame,
  frameTransform,
  nextFrame,
  nodeBoxes,
  type MinimapBox,
  type MinimapFrame,
  type Rect,
} from './minimap-frame';
import './minimap.css';

const WIDTH = 168;
const HEIGHT = 112;
const RADIUS = 5;
/** After this long without a viewport change, the minimap is fitted tightly again. */
const SETTLE_MS = 200;

interface FlowMinimapProps {
  nodeColor: (node: FlowbenchNode) => string;
  ariaLabel: string;
}

const selectNodes = (s: ReactFlowState): FlowbenchNode[] => s.nodes as FlowbenchNode[];
const selectView = (s: ReactFlowState): [number, number, number, number, number] => [
  s.transform[0],
  s.transform[1],
  s.transform[2],
  s.width,
  s.height,
];

/**
 * The canvas's minimap: every node as a box in its kind's colour, and the part of the flow
 * the canvas shows. Drag it to pan, turn the wheel over it to zoom. React Flow's MiniMap
 * redraws its SVG (a box per node) on every frame of a pan, which repainted the whole
 * window each frame; here the boxes are drawn once per change of the nodes, and a pan
 * only moves two composited layers (bench/README.md).
 */
export const FlowMinimap = memo(function FlowMinimap({
  nodeColor,
  ariaLabel,
}: FlowMinimapProps): ReactElement {
  const nodes = useStore(selectNodes);
  const [tx, ty, zoom, width, height] = useStore(selectView, shallow);
  const { setViewport, zoomTo } = useReactFlow<FlowbenchNode, FlowbenchEdge>();
  const store = useStoreApi();
  const frameEl = useRef<HTMLDivElement>(null);

  const boxes = useMemo(() => nodeBoxes(nodes), [nodes]);
  const nodeBounds = useMemo(() => boundsOf(boxes), [boxes]);
  const drawn = useMemo(() => (nodeBounds ? fitFrame(nodeBounds, WIDTH, HEIGHT) : undefined), [nodeBounds]);
  // What the canvas shows, in flow units; the minimap widens to hold it, as React Flow's does.
  const view: Rect = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
  const [settled, setSettled] = useState(true);
  const [shown, setShown] = useState<MinimapFrame | undefined>(undefined);
  const next = nextFrame(shown, nodeBounds, view, WIDTH, HEIGHT, settled);
  // Derived from the previous frame, so it is kept in state and updated during render, as React documents.
  if (next !== shown) setShown(next);
  useEffect(() => {
    setSettled(false);
    const timer = setTimeout(() => setSettled(true), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [tx, ty, zoom, width, height]);
  const shownRef = useRef<MinimapFrame>(next);
  useEffect(() => {
    shownRef.current = next;
  });

  // Dragging moves the shown part with the pointer.
  const drag = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    const dx = e.clientX - drag.current.x;
    const dy = e.clientY - drag.current.y;
    drag.current = { x: e.clientX, y: e.clientY };
    const [x, y, z] = store.getState().transform;
    const perPixel = z / shownRef.current.k;
    void setViewport({ x: x - dx * perPixel, y: y - dy * perPixel, zoom: z });
  };
  const onPointerUp = (): void => {
    drag.current = null;
  };

  // The wheel zooms the canvas about its centre; a native listener, so the page does not scroll.
  useEffect(() => {
    const el = frameEl.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const perDelta = e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002;
      void zoomTo(store.getState().transform[2] * Math.pow(2, -e.deltaY * perDelta));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [store, zoomTo]);

  const viewBox = {
    transform: `translate(${(view.x - next.x) * next.k}px, ${(view.y - next.y) * next.k}px)`,
    width: view.width * next.k,
    height: view.height * next.k,
  };
  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap fb-minimap nopan nowheel nodrag"
      data-testid="rf__minimap"
      style={{ width: WIDTH, height: HEIGHT }}
    >
      <div
        ref={frameEl}
        className="fb-minimap__frame"
        role="img"
        aria-label={ariaLabel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {drawn && (
          <div className="fb-minimap__layer" style={{ transform: frameTransform(drawn, next) }}>
            <MinimapNodes boxes={boxes} frame={drawn} nodeColor={nodeColor} />
          </div>
        )}
        <div className="fb-minimap__view" style={viewBox} />
      </div>
    </Panel>
  );
});

/** The node boxes, drawn in `frame`; re-rendered only when the nodes change, never by a pan. */
const MinimapNodes = memo(function MinimapNodes({
  boxes,
  frame,
  nodeColor,
}: {
  boxes: Array<MinimapBox & { node: FlowbenchNode }>;
  frame: MinimapFrame;
  nodeColor: (node: FlowbenchNode) => string;
}): ReactElement {
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`${frame.x} ${frame.y} ${WIDTH / frame.k} ${HEIGHT / frame.k}`}
      aria-hidden="true"
    >
      {boxes.map((b) => (
        <MinimapRect
          key={b.id}
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          selected={b.selected}
          fill={nodeColor(b.node)}
        />
      ))}
    </svg>
  );
});

/** One node's box; memoized, so dragging a node re-renders its box only. */
const MinimapRect = memo(function MinimapRect({
  x,
  y,
  width,
  height,
  selected,
  fill,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  selected: boolean;
  fill: string;
}): ReactElement {
  return (
    <rect
      className={`react-flow__minimap-node${selected ? ' selected' : ''}`}
      x={x}
      y={y}
      width={width}
      height={height}
      rx={RADIUS}
      ry={RADIUS}
      style={{ fill }}
      shapeRendering="crispEdges"
    />
  );
});
