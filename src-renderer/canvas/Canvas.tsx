import {
  Controls,
  MarkerType,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type FitViewOptions,
  type DefaultEdgeOptions,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, type DragEvent, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_CATALOG } from '@shared/flow/node-catalog';
import { EditingOverlays } from '../commands/EditingOverlays';
import { useCanvasEditing } from '../commands/useCanvasEditing';
import { isNodeKind, PALETTE_MIME } from '../palette/palette-dnd';
import { useThemeStore } from '../app/theme-store';
import { isRunActive, useRunStore } from '../run/run-store';
import { useFlowStore } from './flow-store';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import { CanvasDots } from './CanvasDots';
import { FlowMinimap } from './FlowMinimap';
import { edgeTypes } from './LabeledEdge';
import { nodeTypes } from './node-types';
import { useSelectionStore } from './selection-store';
import { useConnectionRules } from './useConnectionRules';
import { useGroupMembership } from './useGroupMembership';
import { isOverview, OverviewContext } from './zoom-detail';
import './canvas.css';
import './nodes.css';
import './overview.css';

/** Low enough that Fit View shows a whole 500-node flow (about 5,600 × 5,000 units) on a laptop screen. */
const MIN_ZOOM = 0.1;
/**
 * Past this many connections the running dash stands still: its animation repaints every
 * edge every frame on the main thread, which took a 375-edge flow from 60 to 8 frames a
 * second here (measured in e2e/run-panel.spec.ts).
 */
const MAX_ANIMATED_EDGES = 120;
const FIT_OPTIONS: FitViewOptions<FlowbenchNode> = { padding: 0.12, maxZoom: 1 };
const EDGE_OPTIONS: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
};
/** A node's colour in the minimap: its kind's, as in the palette. */
const minimapColor = (n: FlowbenchNode): string => NODE_CATALOG[n.type]?.color ?? '#94a3b8';
/** Half a node's usual size, so a dropped node lands centred on the pointer. */
const DROP_OFFSET = { x: 120, y: 48 };

/** The flow canvas: nodes, connections, drop target for the palette, minimap and zoom controls. */
export function Canvas(): ReactElement {
  const { nodes, edges, onNodesChange, onEdgesChange, connect, addNode, revision } = useFlowStore(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      connect: s.connect,
      addNode: s.addNode,
      revision: s.revision,
    })),
  );
  const running = useRunStore((s) => isRunActive(s.state));
  const stillEdges = useFlowStore((s) => s.edges.length > MAX_ANIMATED_EDGES);
  const colorMode = useThemeStore((s) => s.theme);
  const overview = useStore(isOverview);
  const setSelection = useSelectionStore((s) => s.set);
  const { screenToFlowPosition, fitView } = useReactFlow<FlowbenchNode, FlowbenchEdge>();
  const { isValidConnection, onConnectEnd } = useConnectionRules();
  // Dropping a node in a group's box makes it a member; dragging it out frees it.
  const onNodeDragStop = useGroupMembership();
  // Context menus, quick-add, snap, selection keys; Delete and the rest run from the command registry.
  const editing = useCanvasEditing();

  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams) =>
      setSelection(
        n.map((x) => x.id),
        e.map((x) => x.id),
      ),
    [setSelection],
  );

  // A newly loaded flow is fitted into view once all its nodes are measured; edits
  // afterwards keep the user's viewport.
  const measured = useNodesInitialized();
  const fittedRevision = useRef(0);
  const empty = nodes.length === 0;
  useEffect(() => {
    if (fittedRevision.current === revision || !(measured || empty)) return;
    fittedRevision.current = revision;
    if (!empty) void fitView(FIT_OPTIONS);
  }, [revision, measured, empty, fitView]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addNode(kind, { x: p.x - DROP_OFFSET.x, y: p.y - DROP_OFFSET.y });
    },
    [screenToFlowPosition, addNode],
  );

  return (
    <div
      className={`fb-canvas${running ? ' fb-canvas--running' : ''}${overview ? ' fb-canvas--overview' : ''}${stillEdges ? ' fb-canvas--still-edges' : ''}`}
      onDragOver={onDragOver}
      onDrop={onDrop}
      {...editing.container}
    >
      <OverviewContext value={overview}>
        <ReactFlow<FlowbenchNode, FlowbenchEdge>
          colorMode={colorMode}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeDragStop={onNodeDragStop}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={connect}
          isValidConnection={isValidConnection}
          onConnectEnd={onConnectEnd}
          onSelectionChange={onSelectionChange}
          deleteKeyCode={null}
          defaultEdgeOptions={EDGE_OPTIONS}
          fitViewOptions={FIT_OPTIONS}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          attributionPosition="top-right"
          {...editing.flow}
        >
          <CanvasDots />
          <Controls showInteractive={false} position="bottom-left" />
          <FlowMinimap nodeColor={minimapColor} ariaLabel="Minimap" />
        </ReactFlow>
      </OverviewContext>
      <EditingOverlays />
      {nodes.length === 0 && (
        <div className="fb-canvas__empty">
          <strong>Drag a component from the palette to start a flow.</strong>
          <span>Connect producers to topics or queues, and topics or queues to consumers.</span>
        </div>
      )}
    </div>
  );
}
