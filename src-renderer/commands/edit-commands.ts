import { showNotice } from '../app/notice-store';
import {
  copyPayload,
  parsePayload,
  payloadOrigin,
  remapPaste,
  type ClipboardPayload,
} from '../canvas/clipboard';
import { readClipboard, writeClipboard } from '../canvas/clipboard-io';
import { NEVER } from '../canvas/flow-history';
import { useFlowStore } from '../canvas/flow-store';
import { canvasInstance, pointerFlowPosition } from './canvas-view';
import type { Command, CommandId } from './command';
import { GRID, useEditorPrefs } from './editor-prefs';

type Point = { x: number; y: number };
/** How far a duplicate (or a paste over its original) lands from the original. */
const CASCADE = 2 * GRID;

const flow = (): ReturnType<typeof useFlowStore.getState> => useFlowStore.getState();
const anyNodeSelected = (): boolean => flow().nodes.some((n) => n.selected);
const anySelected = (): boolean => anyNodeSelected() || flow().edges.some((e) => e.selected);

function snapped(p: Point): Point {
  if (!useEditorPrefs.getState().snapToGrid) return p;
  return { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
}

/**
 * Adds a payload as one undo step, selected and nothing else: at `at` (its top-left
 * corner), else where it was copied from, moved down-right while a node already sits there.
 */
function insertPayload(payload: ClipboardPayload, at: Point | null): void {
  const s = flow();
  const origin = payloadOrigin(payload);
  let offset: Point;
  if (at) {
    const p = snapped(at);
    offset = { x: p.x - origin.x, y: p.y - origin.y };
  } else {
    let d = 0;
    const occupied = (k: number): boolean =>
      s.nodes.some((n) => n.position.x === origin.x + k && n.position.y === origin.y + k);
    while (occupied(d)) d += CASCADE;
    offset = { x: d, y: d };
  }
  const pasted = remapPaste(payload, s.nodes, s.edges, offset);
  s.commit({
    nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted.nodes],
    edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pasted.edges],
  });
}

async function copySelection(): Promise<boolean> {
  const payload = copyPayload(flow().nodes, flow().edges);
  if (!payload) return false;
  await writeClipboard(JSON.stringify(payload, null, 2));
  return true;
}

function deleteSelection(): void {
  const { nodes, edges } = flow();
  const doomed = { nodes: nodes.filter((n) => n.selected), edges: edges.filter((e) => e.selected) };
  if (doomed.nodes.length + doomed.edges.length === 0) return;
  // React Flow's own delete takes connected edges and group children along; its node and
  // edge changes arrive in one task, so history records them as one step.
  void canvasInstance()?.deleteElements(doomed);
}

async function paste(at: Point | undefined): Promise<void> {
  const text = await readClipboard();
  if (text === null) {
    showNotice('Nothing to paste yet: copy some nodes first.');
    return;
  }
  const parsed = parsePayload(text);
  if (!parsed.ok) {
    showNotice(parsed.reason);
    return;
  }
  insertPayload(parsed.payload, at ?? pointerFlowPosition());
}

/** Undo, redo, clipboard, duplicate, delete and select all. */
export const EDIT_COMMANDS = {
  undo: {
    id: 'undo',
    label: 'Undo',
    group: 'Edit',
    scope: 'global',
    shortcut: { key: 'z', mod: true },
    enabled: () => flow().history.past.length > 0 || flow().history.open !== null,
    handler: () => flow().undo(),
  },
  redo: {
    id: 'redo',
    label: 'Redo',
    group: 'Edit',
    scope: 'global',
    shortcut: { key: 'z', mod: true, shift: true },
    moreShortcuts: [{ key: 'y', mod: true }],
    enabled: () => flow().history.future.length > 0,
    handler: () => flow().redo(),
  },
  cut: {
    id: 'cut',
    label: 'Cut',
    group: 'Edit',
    scope: 'canvas',
    shortcut: { key: 'x', mod: true },
    enabled: anyNodeSelected,
    handler: async () => {
      if (await copySelection()) deleteSelection();
    },
  },
  copy: {
    id: 'copy',
    label: 'Copy',
    group: 'Edit',
    scope: 'canvas',
    shortcut: { key: 'c', mod: true },
    enabled: anyNodeSelected,
    handler: copySelection,
  },
  paste: {
    id: 'paste',
    label: 'Paste',
    group: 'Edit',
    scope: 'canvas',
    shortcut: { key: 'v', mod: true },
    handler: (ctx) => paste(ctx.at),
  },
  duplicate: {
    id: 'duplicate',
    label: 'Duplicate',
    group: 'Edit',
    scope: 'canvas',
    shortcut: { key: 'd', mod: true },
    enabled: anyNodeSelected,
    handler: () => {
      const payload = copyPayload(flow().nodes, flow().edges);
      if (payload) insertPayload(payload, null);
    },
  },
  delete: {
    id: 'delete',
    label: 'Delete',
    group: 'Edit',
    scope: 'canvas',
    shortcut: { key: 'Delete' },
    moreShortcuts: [{ key: 'Backspace' }],
    enabled: anySelected,
    handler: deleteSelection,
  },
  selectAll: {
    id: 'selectAll',
    label: 'Select all',
    group: 'Edit',
    scope: 'canvas',
    shortcut: { key: 'a', mod: true },
    handler: () => {
      const s = flow();
      s.commit(
        {
          nodes: s.nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
          edges: s.edges.map((e) => (e.selected ? e : { ...e, selected: true })),
        },
        NEVER,
      );
    },
  },
} satisfies Partial<Record<CommandId, Command>>;
