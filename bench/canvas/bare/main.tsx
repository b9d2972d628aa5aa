import {
  Handle,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
  type NodeTypes,
  type Viewport,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import { memo, StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { largeFlow } from '../large-flow';
import './bare.css';

/**
 * The benchmark's baseline: the same 500 nodes and 700 edges as the app, rendered by
 * plain @xyflow/react with a minimal node of about the same DOM size (title, kind and two
 * lines) and nothing else: no store, minimap, background or custom styling.
 *
 * Query parameters `w`, `h` size the canvas and `x`, `y`, `zoom` set the viewport, so the
 * bench can show exactly what the app's canvas shows; without them the flow is fitted.
 */

interface BoxData extends Record<string, unknown> {
  title: string;
  kind: string;
  lines: [string, string];
  /** `method`: one input named after the gRPC method, as the app's service node has. */
  input: 'plain' | 'method' | null;
  output: boolean;
}
type BoxNode = Node<BoxData, 'box'>;

const BoxNodeView = memo(function BoxNodeView({ data }: NodeProps<BoxNode>): ReactElement {
  return (
    <div className="bare-node">
      <div className="bare-node__title">{data.title}</div>
      <div className="bare-node__kind">{data.kind}</div>
      <div>{data.lines[0]}</div>
      <div>{data.lines[1]}</div>
      {data.input && (
        <Handle type="target" position={Position.Left} id={data.input === 'method' ? METHOD : undefined} />
      )}
      {data.output && <Handle type="source" position={Position.Right} />}
    </div>
  );
});

const nodeTypes: NodeTypes = { box: BoxNodeView };

const METHOD = 'SayHello';
const HAS_OUTPUT = new Set(['producer', 'kafkaTopic', 'rabbitQueue', 'grpcClient']);
const NO_INPUT = new Set(['producer', 'grpcClient']);

function graph(): { nodes: BoxNode[]; edges: Edge[] } {
  const doc = largeFlow();
  const nodes = doc.nodes.map((n): BoxNode => ({
    id: n.id,
    type: 'box',
    position: n.position,
    data: {
      title: n.config.name,
      kind: n.kind,
      lines: [`id ${n.id}`, `at ${n.position.x}, ${n.position.y}`],
      input: n.kind === 'grpcService' ? 'method' : NO_INPUT.has(n.kind) ? null : 'plain',
      output: HAS_OUTPUT.has(n.kind),
    },
  }));
  const edges = doc.edges.map((e): Edge => ({
    ...e,
    sourceHandle: null,
    targetHandle: e.targetHandle ?? null,
  }));
  return { nodes, edges };
}

function viewportFromQuery(q: URLSearchParams): Viewport | undefined {
  const [x, y, zoom] = ['x', 'y', 'zoom'].map((k) => Number(q.get(k)));
  return q.has('zoom') && [x, y, zoom].every(Number.isFinite) ? { x, y, zoom } : undefined;
}

const query = new URLSearchParams(window.location.search);
const viewport = viewportFromQuery(query);
const { nodes, edges } = graph();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
root.style.width = query.has('w') ? `${Number(query.get('w'))}px` : '100vw';
root.style.height = query.has('h') ? `${Number(query.get('h'))}px` : '100vh';

/** Controlled nodes and edges, as in React Flow's quickstart (the app is controlled too). */
function BareFlow(): ReactElement {
  const [ns, , onNodesChange] = useNodesState(nodes);
  const [es, , onEdgesChange] = useEdgesState(edges);
  return (
    <ReactFlow
      nodes={ns}
      edges={es}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      nodeTypes={nodeTypes}
      minZoom={0.1}
      maxZoom={2}
      fitView={!viewport}
      fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
      defaultViewport={viewport}
    />
  );
}

createRoot(root).render(
  <StrictMode>
    <BareFlow />
  </StrictMode>,
);
