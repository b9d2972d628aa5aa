import type { FlowDocument, FlowNode } from '@shared/flow/document';
import { compilePredicate } from '@shared/flow/expressions/predicate';
import { upcasterProblems } from '../event-sourcing/upcast';

/**
 * Problems of an event store or projection a run would only find too late: rules that do
 * not parse, an event version lifted twice, a store that nothing sends commands to, a
 * projection fed by nothing. Each names the config field.
 */
export function eventSourcingProblems(
  node: FlowNode,
  flow: FlowDocument,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const hasInput = flow.edges.some((e) => e.target === node.id);
  if (node.kind === 'eventStore') {
    const c = (node as FlowNode<'eventStore'>).config;
    c.rules.forEach((rule, i) => {
      try {
        compilePredicate(rule.when);
      } catch (err) {
        problems.push({ field: `rules[${i}].when`, message: (err as Error).message });
      }
    });
    for (const p of upcasterProblems(c.upcasters))
      problems.push({ field: `upcasters[${p.index}].fromVersion`, message: p.message });
    if (!hasInput)
      problems.push({
        field: '',
        message: 'receives no commands: connect a topic, a queue or a service that publishes to it',
      });
  } else if (node.kind === 'projection' && !hasInput) {
    problems.push({
      field: '',
      message: 'folds nothing: connect an event store (or a topic of events) into it',
    });
  }
  return problems;
}
