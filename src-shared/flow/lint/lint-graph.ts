import type { FlowEdge } from '../document';
import type { NodeKind } from '../node-kinds';
import type { LintableFlow } from './lint-flow';

/**
 * Read-only helpers the lint rules share. Configs may be half-typed while the user edits,
 * so every accessor checks the type it reads and falls back to an empty value.
 */

export type LintNode = LintableFlow['nodes'][number];

/** A string config value, or '' when missing or of another type. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A finite number config value, or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** An array config value (items unchecked), or []. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An object config value (e.g. one list item), or {}. */
export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The node's name for messages: its configured name, else its id. */
export function nameOf(node: LintNode): string {
  const name = text(node.config.name).trim();
  return name || node.id;
}

/** Edges that carry traffic: a mesh policy's edges attach it, they do not carry messages. */
export function isTrafficEdge(edge: FlowEdge, flow: LintableFlow, byId = nodeIndex(flow)): boolean {
  return byId.get(edge.source)?.kind !== 'meshPolicy';
}

/** Node id → node. */
export function nodeIndex(flow: LintableFlow): Map<string, LintNode> {
  return new Map(flow.nodes.map((n) => [n.id, n]));
}

/** The nodes of these kinds. */
export function nodesOf(flow: LintableFlow, ...kinds: NodeKind[]): LintNode[] {
  return flow.nodes.filter((n) => kinds.includes(n.kind));
}

/** Edges leaving `id`, with their target node (edges to missing nodes are skipped). */
export function outgoing(
  flow: LintableFlow,
  id: string,
  byId = nodeIndex(flow),
): Array<{ edge: FlowEdge; node: LintNode }> {
  return flow.edges.flatMap((edge) => {
    const node = edge.source === id ? byId.get(edge.target) : undefined;
    return node ? [{ edge, node }] : [];
  });
}

/** Edges entering `id`, with their source node. */
export function incoming(
  flow: LintableFlow,
  id: string,
  byId = nodeIndex(flow),
): Array<{ edge: FlowEdge; node: LintNode }> {
  return flow.edges.flatMap((edge) => {
    const node = edge.target === id ? byId.get(edge.source) : undefined;
    return node ? [{ edge, node }] : [];
  });
}

/** "a", "a and b", "a, b and c" — names quoted. */
export function quotedList(names: string[]): string {
  const q = names.map((n) => `"${n}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/**
 * Dead-letter routes as (queue → target) pairs: a queue's `deadLetter` names an exchange
 * or queue by broker or node name. They carry traffic without an edge on the canvas.
 */
export function deadLetterLinks(flow: LintableFlow): Array<{ from: LintNode; to: LintNode }> {
  const targets = nodesOf(flow, 'rabbitExchange', 'rabbitQueue');
  const brokerName = (n: LintNode): string =>
    text(n.kind === 'rabbitQueue' ? n.config.queue : n.config.exchange).trim();
  return nodesOf(flow, 'rabbitQueue').flatMap((q) => {
    const wanted = text(q.config.deadLetter).trim();
    if (!wanted) return [];
    const to = targets.find((t) => t.id !== q.id && (brokerName(t) === wanted || nameOf(t) === wanted));
    return to ? [{ from: q, to }] : [];
  });
}
