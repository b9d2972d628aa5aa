import type { FlowProblem } from '../flow/document';
import { lintFlow } from '../flow/lint/lint-flow';
import { NODE_CATALOG, NODE_FAMILIES } from '../flow/node-catalog';
import type { NodeKind } from '../flow/node-kinds';
import { parseFlowText } from '../flow/parse';
import type { TemplateSummary } from './template-types';

/** The `# Title` line of an explanation, else the id in words. */
export function templateName(id: string, explanation: string): string {
  const heading = /^#\s+(.+?)\s*$/m.exec(explanation);
  return heading ? heading[1] : id.replace(/-/g, ' ');
}

/** The first sentence of the first paragraph after the title (Markdown markers removed). */
export function templateSummaryLine(explanation: string): string {
  const lines = explanation.replace(/\r\n?/g, '\n').split('\n');
  const para: string[] = [];
  for (const line of lines.slice(1)) {
    const text = line.trim();
    if (text.startsWith('#')) break;
    if (text === '') {
      if (para.length > 0) break;
      continue;
    }
    para.push(text);
  }
  const joined = para.join(' ').replace(/\*\*|`|\*|_/g, '');
  const sentence = /^(.+?[.!?])(\s|$)/.exec(joined);
  return sentence ? sentence[1] : joined;
}

/**
 * Everything that would stop a template from opening cleanly: parse problems, then every
 * design finding the validation panel would list (any severity). Empty means it is clean.
 */
export function templateProblems(text: string): string[] {
  const parsed = parseFlowText(text);
  if (!parsed.ok) return parsed.problems.map(problemText);
  return lintFlow(parsed.flow).map((f) => `${f.rule} (${f.nodeId ?? f.edgeId ?? 'flow'}): ${f.message}`);
}

function problemText(p: FlowProblem): string {
  return `${p.path || 'file'}: ${p.message}`;
}

/** The card of a template; throws naming the template when its flow does not parse. */
export function summarizeTemplate(id: string, text: string, explanation: string): TemplateSummary {
  const parsed = parseFlowText(text);
  if (!parsed.ok) {
    throw new Error(`template ${id}: ${parsed.problems.map(problemText).join('; ')}`);
  }
  const { nodes, edges } = parsed.flow;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const absolute = (id: string): { x: number; y: number } => {
    const n = byId.get(id);
    if (!n) return { x: 0, y: 0 };
    const parent = n.parentId ? absolute(n.parentId) : { x: 0, y: 0 };
    return { x: parent.x + n.position.x, y: parent.y + n.position.y };
  };
  const shown = nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note');
  const index = new Map(shown.map((n, i) => [n.id, i]));
  const counts = new Map<NodeKind, number>();
  for (const n of shown) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const present = new Set(shown.map((n) => NODE_CATALOG[n.kind].family));
  const families = NODE_FAMILIES.filter((f) => present.has(f));
  return {
    id,
    name: templateName(id, explanation),
    summary: templateSummaryLine(explanation),
    nodeCount: shown.length,
    families,
    kinds: [...counts].map(([kind, count]) => ({ label: NODE_CATALOG[kind].label, count })),
    preview: {
      nodes: shown.map((n) => ({ ...absolute(n.id), color: NODE_CATALOG[n.kind].color })),
      edges: edges
        .map((e): [number, number] => [index.get(e.source) ?? -1, index.get(e.target) ?? -1])
        .filter(([a, b]) => a >= 0 && b >= 0),
    },
  };
}
