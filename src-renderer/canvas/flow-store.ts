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
import {
  configBurstKey,
  currentTask,
  edgeChangesCapture,
  freshEdits,
  nodeChangesCapture,
  NOW,
  sameDoc,
  type DocState,
} from './flow-history';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import { followRename, type Renaming } from './follow-rename';
import { emptyHistory, record, redo, undo, type Capture, type History } from './history';
import { createNode, edgeId } from './new-node';

export interface FlowState {
  name: string;
  nodes: FlowbenchNode[];
  edges: FlowbenchEdge[];
  /** Where the flow was opened from or last saved to; null for a new or sample flow. */
  filePath: string | null;
  /** True when the flow differs from what was last opened or saved. */
  dirty: boolean;
  /**
   * The document's identity: every edit gives it a value never used before and undo/redo
   * restore the value they bring back, so a save that finishes after further edits leaves
   * the flow dirty and undoing back to the saved state makes it clean again.
   */
  edits: number;
  /** `edits` of what was last opened or saved. */
  savedEdits: number;
  /** Undo and redo steps of this flow (cleared when another flow is loaded). */
  history: History<DocState>;
  /** Bumped whenever a whole flow is loaded, so views can fit it into view once. */
  revision: number;
  /** The flow's assertions (edited in the file, checked by the CLI): kept as loaded so a save keeps them. */
  assertions?: FlowDocument['assertions'];
  /** The node whose name is being typed, so references to it follow (see follow-rename.ts). */
  renaming?: Renaming;
  onNodesChange(changes: NodeChange<FlowbenchNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowbenchEdge>[]): void;
  addNode(kind: NodeKind, position: { x: number; y: number }): string;
  connect(conn: Connection): void;
  updateConfig<K extends NodeKind>(id: string, config: NodeConfigByKind[K]): void;
  setName(name: string): void;
  /** Replaces the flow's assertions (marks the flow changed; not an undo step: they are not on the canvas). */
  setAssertions(assertions: NonNullable<FlowDocument['assertions']>): void;
  selectNode(id: string): void;
  load(doc: FlowDocument, filePath: string | null): void;
  markSaved(filePath: string, atEdits: number): void;
  /** Replaces nodes, edges or the name as one edit, recorded as `capture` (default: now). */
  commit(patch: Partial<Pick<FlowState, 'nodes' | 'edges' | 'name'>>, capture?: Capture): void;
  undo(): void;
  redo(): void;
  toDocument(): FlowDocument;
}

function docOf(s: FlowState): DocState {
  return { name: s.name, nodes: s.nodes, edges: s.edges, edits: s.edits };
}

/** The bookkeeping of an edit made from state `s`: a new identity and its undo step. */
function edited(s: FlowState, capture: Capture = NOW): Pick<FlowState, 'dirty' | 'edits' | 'history'> {
  if (capture.mode === 'never') return { dirty: s.dirty, edits: s.edits, history: s.history };
  const history = record(s.history, docOf(s), capture, currentTask(), Date.now());
  return { dirty: true, edits: freshEdits(), history };
}

function restored(
  s: FlowState,
  step: { state: DocState; history: History<DocState> } | null,
): Partial<FlowState> {
  if (!step) return {};
  const { name, nodes, edges, edits } = step.state;
  return { name, nodes, edges, edits, dirty: edits !== s.savedEdits, history: step.history };
}

/** The flow being edited: one store for document and canvas state, as React Flow's authors do. */
export const useFlowStore = create<FlowState>()((set, get) => ({
  name: 'Untitled flow',
  nodes: [],
  edges: [],
  filePath: null,
  dirty: false,
  edits: 0,
  savedEdits: 0,
  history: emptyHistory(),
  revision: 0,
  onNodesChange: (changes) =>
    set((s) => ({
      nodes: applyNodeChanges(changes, s.nodes),
      ...edited(s, nodeChangesCapture(changes, s.history.open !== null)),
    })),
  onEdgesChange: (changes) =>
    set((s) => ({ edges: applyEdgeChanges(changes, s.edges), ...edited(s, edgeChangesCapture(changes)) })),
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
    set((s) => {
      const before = s.nodes.find((n) => n.id === id)?.data.config ?? {};
      const nodes = s.nodes.map((n) =>
        n.id === id ? ({ ...n, data: { ...n.data, config } } as FlowbenchNode) : n,
      );
      const oldName = (before as { name?: unknown }).name;
      const followed =
        typeof oldName === 'string' && typeof config.name === 'string'
          ? followRename(nodes, id, oldName, config.name, s.renaming)
          : { nodes, renaming: s.renaming };
      return {
        nodes: followed.nodes,
        renaming: followed.renaming,
        // Typing in one field is one undo step per pause, not one per key.
        ...edited(s, { mode: 'burst', key: configBurstKey(id, before, config) }),
      };
    }),
  setName: (name) => set((s) => ({ name, ...edited(s, { mode: 'burst', key: 'name' }) })),
  setAssertions: (assertions) =>
    set({ assertions: assertions.length > 0 ? assertions : undefined, dirty: true }),
  selectNode: (id) =>
    set((s) => ({
      nodes: s.nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
      edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    })),
  load: (doc, filePath) =>
    set((s) => {
      const edits = freshEdits();
      const history = emptyHistory<DocState>();
      return {
        ...toCanvas(doc),
        name: doc.name,
        assertions: doc.assertions,
        filePath,
        dirty: false,
        edits,
        savedEdits: edits,
        history,
        revision: s.revision + 1,
      };
    }),
  markSaved: (filePath, atEdits) =>
    set((s) => ({ filePath, savedEdits: atEdits, dirty: s.edits !== atEdits })),
  commit: (patch, capture = NOW) => set((s) => ({ ...patch, ...edited(s, capture) })),
  undo: () => set((s) => restored(s, undo(s.history, docOf(s), sameDoc))),
  redo: () => set((s) => restored(s, redo(s.history, docOf(s)))),
  toDocument: () => {
    const s = get();
    const doc = toDocument(s.name, s.nodes, s.edges);
    return s.assertions ? { ...doc, assertions: s.assertions } : doc;
  },
}));
