import { FLOW_FORMAT_VERSION, type FlowDocument, type FlowNode } from '@shared/flow/document';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';

/** Flow document → React Flow nodes and edges. */
export function toCanvas(doc: FlowDocument): { nodes: FlowbenchNode[]; edges: FlowbenchEdge[] } {
  return {
    nodes: doc.nodes.map(
      (n) =>
        ({
          id: n.id,
          type: n.kind,
          position: { ...n.position },
          data: { config: n.config },
        }) as FlowbenchNode,
    ),
    edges: doc.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? null,
      targetHandle: e.targetHandle ?? null,
    })),
  };
}

/** React Flow state → flow document (configs as typed, possibly invalid: the engine validates). */
export function toDocument(name: string, nodes: FlowbenchNode[], edges: FlowbenchEdge[]): FlowDocument {
  return {
    version: FLOW_FORMAT_VERSION,
    name,
    nodes: nodes.map(
      (n) => ({ id: n.id, kind: n.type, position: { ...n.position }, config: n.data.config }) as FlowNode,
    ),
    edges: edges.map((e) => {
      const edge: FlowDocument['edges'][number] = { id: e.id, source: e.source, target: e.target };
      if (e.sourceHandle) edge.sourceHandle = e.sourceHandle;
      if (e.targetHandle) edge.targetHandle = e.targetHandle;
      return edge;
    }),
  };
}

/** An empty flow for File → New. */
export function emptyFlow(): FlowDocument {
  return { version: FLOW_FORMAT_VERSION, name: 'Untitled flow', nodes: [], edges: [] };
}
