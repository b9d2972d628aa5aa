import type { LintFinding, LintRule } from '../lint-flow';
import { nameOf, nodesOf, num, text } from '../lint-graph';

/**
 * A queue's dead-letter target must be an exchange or queue of the flow (by broker name
 * or node name), or rejected messages vanish. A delivery limit without one drops them.
 */
export const deadLetterTargetMissing: LintRule = (flow) => {
  const known = new Set<string>();
  for (const n of nodesOf(flow, 'rabbitExchange', 'rabbitQueue')) {
    known.add(nameOf(n));
    known.add(text(n.kind === 'rabbitQueue' ? n.config.queue : n.config.exchange).trim());
  }
  return nodesOf(flow, 'rabbitQueue').flatMap((q): LintFinding[] => {
    const target = text(q.config.deadLetter).trim();
    if (target && !known.has(target)) {
      return [
        {
          rule: 'dead-letter-target-missing',
          severity: 'warning',
          nodeId: q.id,
          message: `Queue "${nameOf(q)}" dead-letters to "${target}", which is no exchange or queue in this flow`,
        },
      ];
    }
    if (target && target === text(q.config.queue).trim()) {
      return [
        {
          rule: 'dead-letter-target-missing',
          severity: 'error',
          nodeId: q.id,
          message: `Queue "${nameOf(q)}" dead-letters to itself: rejected messages would come straight back`,
        },
      ];
    }
    if (!target && (num(q.config.maxDeliveries) ?? 0) > 0) {
      return [
        {
          rule: 'dead-letter-target-missing',
          severity: 'info',
          nodeId: q.id,
          message: `Queue "${nameOf(q)}" drops messages after ${num(q.config.maxDeliveries)} failed deliveries: set a dead-letter target to keep them`,
        },
      ];
    }
    return [];
  });
};
