import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { create } from 'zustand';
import type { FlowDocument } from '@shared/flow/document';
import type { NodeConfigByKind, NodeKind } from '@shared/flow/node-kinds';
import { toCanvas, toDocument } from './flow-convert';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import { createNode, edgeId } from './new-node';

export interface FlowState {
  name: string;
  nodes: FlowbenchNode[];
  edges: FlowbenchEdge[];
  /** Where the flow was opened from or last saved to; null for a new or sample flow. */
  filePath: string | null;
  /** True when the flow differs from what was last opened or saved. */
  dirty: boolean;
  /** Counts edits, so a save that finishes after further edits leaves the flow dirty. */
  edits: number;
  /** Bumped whenever a whole flow is loaded, so views can fit it into view once. */
  revision: number;
  onNodesChange(changes: NodeChange<FlowbenchNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowbenchEdge>[]): void;
  addNode(kind: NodeKind, position: { x: number; y: number }): string;
  connect(conn: Connection): void;
  updateConfig<K extends NodeKind>(id: string, config: NodeConfigByKind[K]): void;
  setName(name: string): void;
  selectNode(id: string): void;
  load(doc: FlowDocument, filePath: string | null): void;
  markSaved(filePath: string, atEdits: number): void;
  toDocument(): FlowDocument;
}

// Selection and measurement are view state: they must not mark the file as changed.
const VIEW_ONLY = new Set(['select', 'dimensions']);

function edited(s: FlowState): Pick<FlowState, 'dirty' | 'edits'> {
  return { dirty: true, edits: s.edits + 1 };
}

/** The flow being edited: one store for document and canvas state, as React Flow's authors do. */
export const useFlowStore = create<FlowState>()((set, get) => ({
  name: 'Untitled flow',
  nodes: [],
  edges: [],
  filePath: null,
  dirty: false,
  edits: 0,
  revision: 0,
  onNodesChange: (changes) =>
    set((s) => ({
      nodes: applyNodeChanges(changes, s.nodes),
      ...(changes.some((c) => !VIEW_ONLY.has(c.type)) ? edited(s) : {}),
    })),
  onEdgesChange: (changes) =>
    set((s) => ({
      edges: applyEdgeChanges(changes, s.edges),
      ...(changes.some((c) => !VIEW_ONLY.has(c.type)) ? edited(s) : {}),
    })),
  addNode: (kind, position) => {
    const node = createNode(kind, position, get().nodes);
    // The new node becomes the selection so the inspector shows it right away.
    set((s) => ({
      nodes: [
        ...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
        { ...node, selected: true },
      ],
      edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      ...edited(s),
    }));
    return node.id;
  },
  connect: (conn) =>
    set((s) => {
      const id = edgeId(conn.source, conn.target, conn.targetHandle, new Set(s.edges.map((e) => e.id)));
      const edge: FlowbenchEdge = {
        id,
        source: conn.source,
        target: conn.target,
        sourceHandle: conn.sourceHandle ?? null,
        targetHandle: conn.targetHandle ?? null,
      };
      return { edges: [...s.edges, edge], ...edited(s) };
    }),
  updateConfig: (id, config) =>
    set((s) => ({
      nodes: s.nodes.map((n) => (n.id === id ? ({ ...n, data: { ...n.data, config } } as FlowbenchNode) : n)),
      ...edited(s),
    })),
  setName: (name) => set((s) => ({ name, ...edited(s) })),
  selectNode: (id) =>
    set((s) => ({
      nodes: s.nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
      edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    })),
  load: (doc, filePath) =>
    set((s) => ({ ...toCanvas(doc), name: doc.name, filePath, dirty: false, revision: s.revision + 1 })),
  markSaved: (filePath, atEdits) => set((s) => ({ filePath, dirty: s.edits !== atEdits })),
  toDocument: () => {
    const s = get();
    return toDocument(s.name, s.nodes, s.edges);
  },
}));
