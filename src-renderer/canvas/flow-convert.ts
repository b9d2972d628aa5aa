import { compactEdgeConfig } from '@shared/flow/edge-config';
import { FLOW_FORMAT_VERSION, type FlowDocument, type FlowEdge, type FlowNode } from '@shared/flow/document';
import { parentsFirst } from '@shared/flow/parse-graph';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import { GROUP_Z } from './new-node';

/** Flow document → React Flow nodes and edges (groups before their members, sized from config). */
export function toCanvas(doc: FlowDocument): { nodes: FlowbenchNode[]; edges: FlowbenchEdge[] } {
  return {
    nodes: parentsFirst(doc.nodes).map((n) => {
      const node = {
        id: n.id,
        type: n.kind,
        position: { ...n.position },
        data: { config: n.config },
      } as FlowbenchNode;
      if (n.parentId) node.parentId = n.parentId;
      if (n.kind === 'group') {
        node.width = n.config.width;
        node.height = n.config.height;
        node.zIndex = GROUP_Z;
      }
      return node;
    }),
    edges: doc.edges.map(toCanvasEdge),
  };
}

/** One document edge as a canvas edge; settings go to `data.config`. */
export function toCanvasEdge(e: FlowEdge): FlowbenchEdge {
  const edge: FlowbenchEdge = {
    id: e.id,
    source: e.source,
    target: e.target,
    sourceHandle: e.sourceHandle ?? null,
    targetHandle: e.targetHandle ?? null,
  };
  if (e.config) edge.data = { config: e.config };
  return edge;
}

/** One canvas edge as a document edge (what the file, the engine and the lint rules read). */
export function toFlowEdge(e: FlowbenchEdge): FlowEdge {
  const edge: FlowEdge = { id: e.id, source: e.source, target: e.target };
  if (e.sourceHandle) edge.sourceHandle = e.sourceHandle;
  if (e.targetHandle) edge.targetHandle = e.targetHandle;
  const config = compactEdgeConfig(e.data?.config);
  if (config) edge.config = config;
  return edge;
}

/**
 * React Flow state → flow document (configs as typed, possibly invalid: the engine
 * validates). A group's size is read from the canvas, where the resizer changes it.
 */
export function toDocument(name: string, nodes: FlowbenchNode[], edges: FlowbenchEdge[]): FlowDocument {
  return {
    version: FLOW_FORMAT_VERSION,
    name,
    nodes: nodes.map((n) => {
      let config = n.data.config;
      if (n.type === 'group') {
        const width = n.width ?? n.measured?.width;
        const height = n.height ?? n.measured?.height;
        config = {
          ...n.data.config,
          ...(width ? { width: Math.round(width) } : {}),
          ...(height ? { height: Math.round(height) } : {}),
        };
      }
      const node = { id: n.id, kind: n.type, position: { ...n.position }, config } as FlowNode;
      if (n.parentId) node.parentId = n.parentId;
      return node;
    }),
    edges: edges.map(toFlowEdge),
  };
}

/** An empty flow for File → New. */
export function emptyFlow(): FlowDocument {
  return { version: FLOW_FORMAT_VERSION, name: 'Untitled flow', nodes: [], edges: [] };
}
