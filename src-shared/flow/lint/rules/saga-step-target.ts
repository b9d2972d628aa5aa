import type { LintRule } from '../lint-flow';
import { list, nameOf, nodesOf, record, text } from '../lint-graph';
import { targetProblem } from '../references';

/** A saga step calls a service by name; the saga must be connected to that service. */
export const sagaStepTarget: LintRule = (flow) =>
  nodesOf(flow, 'sagaOrchestrator').flatMap((saga) =>
    list(saga.config.steps)
      .map(record)
      .flatMap((step, i) => {
        const problem = targetProblem(flow, saga, text(step.target));
        if (!problem) return [];
        return [
          {
            rule: 'saga-step-target',
            severity: 'error' as const,
            nodeId: saga.id,
            message: `Step ${i + 1} "${text(step.name) || '?'}" of saga "${nameOf(saga)}" ${problem}`,
          },
        ];
      }),
  );
