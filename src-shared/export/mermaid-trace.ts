import type { FlowDocument } from '../flow/document';
import type { TraceEvent } from '../trace/events';
import { mermaidIds, mermaidText } from './mermaid-text';

/** Kinds drawn as an arrow from the hop that caused them (the rest are notes on their node). */
const FAILED = new Set(['error', 'nack', 'invalid', 'unroutable', 'drop']);

/** The line an event shows: its kind, destination and what went wrong (untrusted text, cut short). */
function describe(e: TraceEvent): string {
  const parts = [e.kind, e.destination];
  if (e.partition !== undefined) parts.push(`p${e.partition}`);
  if (e.durationMs !== undefined) parts.push(`${Math.round(e.durationMs * 10) / 10} ms`);
  if (e.fault) parts.push(`fault: ${e.fault.detail}`);
  let text = parts.filter(Boolean).join(' ');
  if (e.error) text += `: ${e.error}`;
  return mermaidText(text.length > 160 ? `${text.slice(0, 159)}…` : text);
}

/**
 * One trace as a Mermaid sequence diagram: a participant per node (named as in the flow when
 * one is given), events in time order, each drawn as an arrow from the node whose span is its
 * parent (dashed for answers, crossed for failures), or as a note when it starts the trace or
 * stays on one node.
 */
export function traceToMermaid(events: readonly TraceEvent[], flow?: FlowDocument): string {
  if (events.length === 0) throw new Error('the trace has no events to draw');
  const ordered = [...events].sort((a, b) => a.ts - b.ts);
  const names = new Map(flow?.nodes.map((node) => [node.id, node.config.name || node.id]) ?? []);
  const bySpan = new Map<string, TraceEvent>();
  for (const e of ordered) if (!bySpan.has(e.spanId)) bySpan.set(e.spanId, e);
  const idOf = mermaidIds('p_');
  const lines = ['sequenceDiagram', `  title Trace ${mermaidText(ordered[0]?.traceId ?? '')}`];
  for (const nodeId of new Set(ordered.map((e) => e.nodeId))) {
    lines.push(`  participant ${idOf(nodeId)} as ${mermaidText(names.get(nodeId) ?? nodeId)}`);
  }
  for (const e of ordered) {
    const parent = e.parentSpanId ? bySpan.get(e.parentSpanId) : undefined;
    const to = idOf(e.nodeId);
    if (parent && parent.nodeId !== e.nodeId) {
      const from = idOf(parent.nodeId);
      if (e.kind === 'respond') lines.push(`  ${to}-->>${from}: ${describe(e)}`);
      else lines.push(`  ${from}${FAILED.has(e.kind) ? '-x' : '->>'}${to}: ${describe(e)}`);
    } else {
      lines.push(`  Note over ${to}: ${describe(e)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
