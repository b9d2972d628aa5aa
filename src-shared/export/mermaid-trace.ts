import type { FlowDocument } from '../flow/document';
import type { TraceEvent } from '../trace/events';
import { traceToSequence, type SequenceArrow } from '../trace/trace-sequence';
import { mermaidIds, mermaidText } from './mermaid-text';

/** What an arrow says: the sequence model's label and its event's details (untrusted text, cut short). */
function describe(arrow: SequenceArrow, event: TraceEvent | undefined): string {
  const parts = [arrow.label];
  if (event?.partition !== undefined) parts.push(`p${event.partition}`);
  if (event?.durationMs !== undefined) parts.push(`${Math.round(event.durationMs * 10) / 10} ms`);
  if (event?.fault) parts.push(`fault: ${event.fault.detail}`);
  let text = parts.join(' ');
  if (event?.error) text += `: ${event.error}`;
  return mermaidText(text.length > 160 ? `${text.slice(0, 159)}…` : text);
}

/**
 * One trace as a Mermaid sequence diagram, from the same model the Trace tab draws
 * (`traceToSequence`): a participant per node (named as in the flow when one is given),
 * hops in causal order as arrows (dashed for replies, crossed for failures), and what
 * happened at one node as a note over it.
 */
export function traceToMermaid(events: readonly TraceEvent[], flow?: FlowDocument): string {
  if (events.length === 0) throw new Error('the trace has no events to draw');
  const names = new Map(flow?.nodes.map((node) => [node.id, node.config.name || node.id]) ?? []);
  const model = traceToSequence(events, (id) => names.get(id));
  const eventOf = new Map(events.map((e) => [`${e.spanId} ${e.kind}`, e]));
  const idOf = mermaidIds('p_');
  const lane = model.participants.map((p) => idOf(p.nodeId));
  const lines = ['sequenceDiagram', `  title Trace ${mermaidText(events[0]?.traceId ?? '')}`];
  model.participants.forEach((p, i) => lines.push(`  participant ${lane[i]} as ${mermaidText(p.label)}`));
  for (const arrow of model.arrows) {
    const text = describe(arrow, eventOf.get(`${arrow.spanId} ${arrow.kind}`));
    const from = lane[arrow.from] ?? 'unknown';
    const to = lane[arrow.to] ?? 'unknown';
    if (from === to) lines.push(`  Note over ${from}: ${text}`);
    else if (arrow.failed) lines.push(`  ${from}-x${to}: ${text}`);
    else if (arrow.kind === 'respond') lines.push(`  ${from}-->>${to}: ${text}`);
    else lines.push(`  ${from}->>${to}: ${text}`);
  }
  return `${lines.join('\n')}\n`;
}
