import type { FlowDocument, FlowNode } from '../flow/document';
import { edgeLabel } from '../flow/edge-label';
import { NODE_CATALOG } from '../flow/node-catalog';
import type { NodeKind } from '../flow/node-kinds';
import type { ExportOptions } from './export-types';
import { layoutFlow } from './flow-geometry';
import { mermaidIds, mermaidText } from './mermaid-text';

/** Mermaid shape brackets per kind: channels as cylinders, decisions as rhombi, and so on. */
const SHAPES: Partial<Record<NodeKind, [string, string]>> = {
  producer: ['([', '])'],
  consumer: ['([', '])'],
  kafkaTopic: ['[(', ')]'],
  rabbitQueue: ['[(', ')]'],
  eventStore: ['[(', ')]'],
  rabbitExchange: ['{{', '}}'],
  router: ['{', '}'],
  filter: ['{', '}'],
  timer: ['((', '))'],
  sink: ['>', ']'],
  apiGateway: ['[/', '\\]'],
};

/**
 * The flow (or the selection) as a Mermaid flowchart, left to right: one node per flow node
 * with its name and kind, groups as subgraphs, edges with their canvas labels, nodes coloured
 * by kind. Notes have no Mermaid counterpart and are left out.
 */
export function flowToMermaid(flow: FlowDocument, options: ExportOptions = {}): string {
  const layout = layoutFlow(flow, options.selection);
  const nodes = layout.nodes.map((p) => p.node).filter((node) => node.kind !== 'note');
  const idOf = mermaidIds('n_');
  const present = new Set(nodes.map((node) => node.id));
  const children = new Map<string | undefined, FlowNode[]>();
  for (const node of nodes) {
    const parent = node.parentId && present.has(node.parentId) ? node.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const lines = [`---`, `title: "${mermaidText(flow.name)}"`, `---`, 'flowchart LR'];
  const emit = (parent: string | undefined, indent: string, depth: number): void => {
    for (const node of children.get(parent) ?? []) {
      if (node.kind === 'group') {
        lines.push(`${indent}subgraph ${idOf(node.id)} ["${mermaidText(node.config.name)}"]`);
        if (depth < 20) emit(node.id, `${indent}  `, depth + 1);
        lines.push(`${indent}end`);
      } else {
        const [open, close] = SHAPES[node.kind] ?? ['[', ']'];
        const label = `${mermaidText(node.config.name || node.id)}<br/><small>${mermaidText(NODE_CATALOG[node.kind].label)}</small>`;
        lines.push(`${indent}${idOf(node.id)}${open}"${label}"${close}`);
      }
    }
  };
  emit(undefined, '  ', 0);
  for (const edge of layout.edges.filter((e) => present.has(e.source) && present.has(e.target))) {
    const label = edgeLabel(edge.config, edge.sourceHandle, edge.targetHandle);
    const arrow = label ? `-->|"${mermaidText(label)}"|` : '-->';
    lines.push(`  ${idOf(edge.source)} ${arrow} ${idOf(edge.target)}`);
  }
  const byKind = new Map<NodeKind, string[]>();
  for (const node of nodes) {
    if (node.kind !== 'group') byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), idOf(node.id)]);
  }
  for (const [kind, ids] of byKind) {
    const colour = NODE_CATALOG[kind].color;
    lines.push(`  classDef ${kind} fill:${colour},stroke:${colour},color:#ffffff`);
    lines.push(`  class ${ids.join(',')} ${kind}`);
  }
  return `${lines.join('\n')}\n`;
}
