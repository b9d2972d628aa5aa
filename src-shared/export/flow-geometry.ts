import type { FlowDocument, FlowEdge, FlowNode } from '../flow/document';
import { nodeSummary, type SummaryItem, type SummarySource } from '../flow/node-summary';
import { methodKind, outlineProto, serviceMethods } from '../flow/proto-outline';
import type { NodeBox } from './export-types';
import { wrapText } from './svg-text';

/** Canvas metrics (nodes.css, group-note.css) the drawing reproduces. */
export const NODE_WIDTH = 240;
export const NOTE_WIDTH = 220;
export const HEADER_HEIGHT = 46;
export const ROW_HEIGHT = 17;
export const EXTRA_ROW_HEIGHT = 26;
export const NOTE_LINE_HEIGHT = 18;

/** One extra row under the summary: a gRPC method or a router output (each with its own handle). */
export interface ExtraRow {
  name: string;
  detail: string;
}

/** A node placed on the page: absolute position, size and what it shows. */
export interface PlacedNode {
  node: FlowNode;
  x: number;
  y: number;
  width: number;
  height: number;
  summary: SummaryItem[];
  extraRows: ExtraRow[];
}

/** The drawing plan of a flow (or a selection): nodes in paint order and the edges between them. */
export interface FlowLayout {
  nodes: PlacedNode[];
  edges: FlowEdge[];
  /** Bounding box of all nodes. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Rows a gRPC service shows per method, and a router per output (then "else"). */
export function extraRowsOf(node: FlowNode): ExtraRow[] {
  if (node.kind === 'grpcService') {
    return serviceMethods(outlineProto(node.config.proto), node.config.service).map((m) => ({
      name: m.name,
      detail: methodKind(m),
    }));
  }
  if (node.kind === 'router') {
    const routes = Array.isArray(node.config.routes) ? node.config.routes : [];
    return [
      ...routes.map((r) => ({ name: r.output, detail: r.when })),
      { name: 'else', detail: 'no route matched' },
    ];
  }
  return [];
}

/** Font size of note text (group-note.css). */
export const NOTE_FONT_SIZE = 12.5;

/** Lines of a note as drawn: Markdown marks dropped, each paragraph wrapped to the note's width. */
export function noteLines(text: string, width = NOTE_WIDTH): string[] {
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/^#+\s*/, '')
        .replace(/\*\*|__|`/g, '')
        .replace(/^\s*[-*]\s+/, '• '),
    )
    .flatMap((l) => wrapText(l, width - 24, NOTE_FONT_SIZE));
}

/** The size a node has on the canvas: measured when given, else estimated from its rows. */
function sizeOf(node: FlowNode, summary: SummaryItem[], extra: ExtraRow[], measured?: NodeBox): NodeBox {
  if (measured && measured.width > 0 && measured.height > 0) return measured;
  if (node.kind === 'group') return { width: node.config.width, height: node.config.height };
  if (node.kind === 'note')
    return { width: NOTE_WIDTH, height: 22 + noteLines(node.config.text).length * NOTE_LINE_HEIGHT };
  return {
    width: NODE_WIDTH,
    height: HEADER_HEIGHT + summary.length * ROW_HEIGHT + 8 + extra.length * EXTRA_ROW_HEIGHT,
  };
}

/**
 * Places every node at its absolute canvas position (members of a group are stored relative
 * to it), keeps only the selection when one is given (a selected group keeps its members),
 * and the edges whose both ends stay.
 */
export function layoutFlow(
  flow: FlowDocument,
  selection?: readonly string[],
  sizes?: Readonly<Record<string, NodeBox>>,
): FlowLayout {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const absolute = (n: FlowNode, depth = 0): { x: number; y: number } => {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (!parent || depth > 50) return { ...n.position };
    const p = absolute(parent, depth + 1);
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  const wanted = selection && selection.length > 0 ? new Set(selection) : null;
  const inSelection = (n: FlowNode): boolean => {
    if (!wanted) return true;
    for (
      let cur: FlowNode | undefined = n, i = 0;
      cur && i < 50;
      cur = cur.parentId ? byId.get(cur.parentId) : undefined, i++
    ) {
      if (wanted.has(cur.id)) return true;
    }
    return false;
  };
  const kept = flow.nodes.filter(inSelection);
  // Groups first so their boxes lie under their members, as on the canvas.
  const ordered = [...kept.filter((n) => n.kind === 'group'), ...kept.filter((n) => n.kind !== 'group')];
  const nodes = ordered.map((node): PlacedNode => {
    const summary = nodeSummary({ type: node.kind, data: { config: node.config } } as SummarySource);
    const extraRows = extraRowsOf(node);
    const { x, y } = absolute(node);
    const { width, height } = sizeOf(node, summary, extraRows, sizes?.[node.id]);
    return { node, x, y, width, height, summary, extraRows };
  });
  const ids = new Set(nodes.map((n) => n.node.id));
  const edges = flow.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  if (nodes.length === 0) return { nodes, edges, minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return {
    nodes,
    edges,
    minX: Math.min(...nodes.map((n) => n.x)),
    minY: Math.min(...nodes.map((n) => n.y)),
    maxX: Math.max(...nodes.map((n) => n.x + n.width)),
    maxY: Math.max(...nodes.map((n) => n.y + n.height)),
  };
}

/** Where an edge leaves a node: the right side, at the router output's row when it names one. */
export function sourcePoint(n: PlacedNode, handle: string | null | undefined): { x: number; y: number } {
  return { x: n.x + n.width, y: rowY(n, handle) };
}

/** Where an edge enters a node: the left side, at the gRPC method's row when it names one. */
export function targetPoint(n: PlacedNode, handle: string | null | undefined): { x: number; y: number } {
  return { x: n.x, y: rowY(n, handle) };
}

function rowY(n: PlacedNode, handle: string | null | undefined): number {
  const index = handle ? n.extraRows.findIndex((r) => r.name === handle) : -1;
  if (index < 0) return n.y + n.height / 2;
  return extraRowTop(n) + index * EXTRA_ROW_HEIGHT + EXTRA_ROW_HEIGHT / 2;
}

/** Top of the first extra row (methods, outputs), under the summary. */
export function extraRowTop(n: PlacedNode): number {
  return n.y + HEADER_HEIGHT + n.summary.length * ROW_HEIGHT + 8;
}
