import type { FlowDocument } from '../flow/document';
import { edgeLabel } from '../flow/edge-label';
import { NODE_CATALOG } from '../flow/node-catalog';
import type { ExportOptions } from './export-types';
import {
  EXTRA_ROW_HEIGHT,
  extraRowTop,
  HEADER_HEIGHT,
  layoutFlow,
  noteLines,
  NOTE_FONT_SIZE,
  NOTE_LINE_HEIGHT,
  ROW_HEIGHT,
  sourcePoint,
  targetPoint,
  type FlowLayout,
  type PlacedNode,
} from './flow-geometry';
import { SVG_FONT, SVG_MONO, SVG_THEMES, type SvgTheme } from './svg-theme';
import { fitText, n, wrapText, xmlEscape as x } from './svg-text';

/** Space around the drawing, in canvas pixels. */
export const SVG_PADDING = 24;

/**
 * The flow (or the selected nodes) as a self-contained vector SVG: plain rects, paths and
 * text only, no foreignObject, no CSS or scripts, so Inkscape, draw.io and resvg draw it as
 * the canvas does. One canvas pixel is one SVG unit; nodes carry `data-id` for tests and tools.
 */
export function flowToSvg(flow: FlowDocument, options: ExportOptions = {}): string {
  const layout = layoutFlow(flow, options.selection, options.sizes);
  const background = options.background ?? 'light';
  const theme = SVG_THEMES[background === 'transparent' ? (options.theme ?? 'light') : background];
  const left = layout.minX - SVG_PADDING;
  const top = layout.minY - SVG_PADDING;
  const width = layout.maxX - layout.minX + 2 * SVG_PADDING;
  const height = layout.maxY - layout.minY + 2 * SVG_PADDING;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(left)} ${n(top)} ${n(width)} ${n(height)}" font-family="${x(SVG_FONT)}">`,
    `<title>${x(flow.name)}</title>`,
    `<defs><marker id="fb-arrow" viewBox="-10 -10 20 20" markerWidth="18" markerHeight="18" refX="0" refY="0" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><polyline points="-5,-4 0,0 -5,4 -5,-4" fill="${theme.edge}" stroke="${theme.edge}" stroke-width="1" stroke-linejoin="round"/></marker></defs>`,
  ];
  if (background !== 'transparent') {
    parts.push(
      `<rect x="${n(left)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" fill="${theme.background}"/>`,
    );
  }
  for (const placed of layout.nodes.filter((p) => p.node.kind === 'group'))
    parts.push(groupSvg(placed, theme));
  parts.push(...edgesSvg(layout, theme));
  for (const placed of layout.nodes.filter((p) => p.node.kind !== 'group')) {
    parts.push(placed.node.kind === 'note' ? noteSvg(placed, theme) : nodeSvg(placed, theme));
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function nodeSvg(p: PlacedNode, t: SvgTheme): string {
  const info = NODE_CATALOG[p.node.kind];
  const name = p.node.config.name || p.node.id;
  const textX = p.x + 10 + 28 + 8;
  const textWidth = p.width - (textX - p.x) - 10;
  const out = [
    `<g class="fb-export-node" data-id="${x(p.node.id)}" data-kind="${p.node.kind}">`,
    `<rect x="${n(p.x + 0.5)}" y="${n(p.y + 0.5)}" width="${n(p.width - 1)}" height="${n(p.height - 1)}" rx="8" fill="${t.surface}" stroke="${t.border}"/>`,
    // The coloured top border (3px, following the card's rounded corners as CSS draws it).
    `<path d="M${n(p.x)},${n(p.y + 8)} A8,8 0 0 1 ${n(p.x + 8)},${n(p.y)} H${n(p.x + p.width - 8)} A8,8 0 0 1 ${n(p.x + p.width)},${n(p.y + 8)} L${n(p.x + p.width)},${n(p.y + 9)} A8,6 0 0 0 ${n(p.x + p.width - 8)},${n(p.y + 3)} H${n(p.x + 8)} A8,6 0 0 0 ${n(p.x)},${n(p.y + 9)} Z" fill="${info.color}"/>`,
    `<rect x="${n(p.x + 10)}" y="${n(p.y + 10)}" width="28" height="28" rx="7" fill="${info.color}"/>`,
    `<text x="${n(p.x + 24)}" y="${n(p.y + 29.5)}" font-size="15" font-weight="700" fill="#ffffff" text-anchor="middle">${x(info.icon)}</text>`,
    `<text x="${n(textX)}" y="${n(p.y + 22)}" font-size="13" font-weight="600" fill="${t.ink}">${x(fitText(name, textWidth, 13))}</text>`,
    `<text x="${n(textX)}" y="${n(p.y + 37)}" font-size="11" fill="${t.muted}">${x(info.label)}</text>`,
  ];
  p.summary.forEach((row, i) => {
    const y = p.y + HEADER_HEIGHT + i * ROW_HEIGHT + 12;
    const labelWidth = row.label.length * 12 * 0.6;
    out.push(
      `<text x="${n(p.x + 10)}" y="${n(y)}" font-size="12"><tspan fill="${t.muted}">${x(row.label)}</tspan><tspan dx="6" fill="${t.ink}" font-weight="500">${x(fitText(row.value, p.width - 26 - labelWidth, 12))}</tspan></text>`,
    );
  });
  const rowsTop = extraRowTop(p);
  p.extraRows.forEach((row, i) => {
    const y = rowsTop + i * EXTRA_ROW_HEIGHT;
    out.push(
      `<line x1="${n(p.x)}" y1="${n(y)}" x2="${n(p.x + p.width)}" y2="${n(y)}" stroke="${t.borderSoft}"/>`,
      `<text x="${n(p.x + 14)}" y="${n(y + 17)}" font-size="12"><tspan fill="${t.ink}" font-weight="600">${x(row.name)}</tspan><tspan dx="6" fill="${t.muted}" font-size="11">${x(fitText(row.detail, p.width - 30 - row.name.length * 7, 11))}</tspan></text>`,
    );
  });
  out.push('</g>');
  return out.join('\n');
}

function groupSvg(p: PlacedNode, t: SvgTheme): string {
  if (p.node.kind !== 'group') return '';
  const { name, description } = p.node.config;
  const out = [
    `<g class="fb-export-node" data-id="${x(p.node.id)}" data-kind="group">`,
    `<rect x="${n(p.x + 0.75)}" y="${n(p.y + 0.75)}" width="${n(p.width - 1.5)}" height="${n(p.height - 1.5)}" rx="12" fill="${t.groupFill}" stroke="${t.groupStroke}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    `<text x="${n(p.x + 12)}" y="${n(p.y + 24)}" font-size="14" font-weight="700" fill="${t.ink}">${x(fitText(name, p.width - 110, 14))}<tspan dx="8" font-size="11" font-weight="400" fill="${t.muted}" letter-spacing="0.5">BOUNDED CONTEXT</tspan></text>`,
  ];
  description
    .split('\n')
    .flatMap((line) => wrapText(line, p.width - 24, 12))
    .forEach((line, i) => {
      out.push(
        `<text x="${n(p.x + 12)}" y="${n(p.y + 44 + i * 16)}" font-size="12" fill="${t.muted}">${x(line)}</text>`,
      );
    });
  out.push('</g>');
  return out.join('\n');
}

function noteSvg(p: PlacedNode, t: SvgTheme): string {
  if (p.node.kind !== 'note') return '';
  const out = [
    `<g class="fb-export-node" data-id="${x(p.node.id)}" data-kind="note">`,
    `<rect x="${n(p.x + 0.5)}" y="${n(p.y + 0.5)}" width="${n(p.width - 1)}" height="${n(p.height - 1)}" rx="4" fill="${t.noteFill}" stroke="${t.noteStroke}"/>`,
  ];
  const lines = noteLines(p.node.config.text, p.width);
  // Lines beyond the note's (measured) height are left out, as the canvas clips them.
  const fit = Math.max(1, Math.floor((p.height - 12) / NOTE_LINE_HEIGHT));
  lines.slice(0, fit).forEach((line, i) => {
    out.push(
      `<text x="${n(p.x + 12)}" y="${n(p.y + 24 + i * NOTE_LINE_HEIGHT)}" font-size="${NOTE_FONT_SIZE}" fill="${t.noteInk}">${x(line)}</text>`,
    );
  });
  out.push('</g>');
  return out.join('\n');
}

/** React Flow's bezier control offset (getBezierPath, curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

function edgesSvg(layout: FlowLayout, t: SvgTheme): string[] {
  const byId = new Map(layout.nodes.map((p) => [p.node.id, p]));
  const paths: string[] = [];
  const labels: string[] = [];
  for (const edge of layout.edges) {
    const s = byId.get(edge.source);
    const d = byId.get(edge.target);
    if (!s || !d) continue;
    const a = sourcePoint(s, edge.sourceHandle);
    const b = targetPoint(d, edge.targetHandle);
    const off = controlOffset(b.x - a.x);
    const c1 = { x: a.x + off, y: a.y };
    const c2 = { x: b.x - off, y: b.y };
    paths.push(
      `<path class="fb-export-edge" data-id="${x(edge.id)}" d="M${n(a.x)},${n(a.y)} C${n(c1.x)},${n(c1.y)} ${n(c2.x)},${n(c2.y)} ${n(b.x)},${n(b.y)}" fill="none" stroke="${t.edge}" stroke-width="1.5" marker-end="url(#fb-arrow)"/>`,
    );
    const text = edgeLabel(edge.config, edge.sourceHandle, edge.targetHandle);
    if (!text) continue;
    const cx = a.x * 0.125 + c1.x * 0.375 + c2.x * 0.375 + b.x * 0.125;
    const cy = a.y * 0.125 + c1.y * 0.375 + c2.y * 0.375 + b.y * 0.125;
    const shown = fitText(text, 208, 10.5);
    const w = shown.length * 10.5 * 0.61 + 12;
    labels.push(
      `<g class="fb-export-edge-label"><rect x="${n(cx - w / 2)}" y="${n(cy - 9)}" width="${n(w)}" height="18" rx="9" fill="${t.surface}" stroke="${t.border}"/><text x="${n(cx)}" y="${n(cy + 3.5)}" font-family="${x(SVG_MONO)}" font-size="10.5" fill="${t.ink2}" text-anchor="middle">${x(shown)}</text></g>`,
    );
  }
  // Labels over every edge, as the canvas draws them in their own layer.
  return [...paths, ...labels];
}
