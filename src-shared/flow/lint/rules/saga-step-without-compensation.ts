import type { LintRule } from '../lint-flow';
import { list, nameOf, nodesOf, record, text } from '../lint-graph';

/**
 * When a step fails, the saga undoes the completed steps before it with their
 * compensations. Every step but the last may need undoing; the last has nothing after it.
 */
export const sagaStepWithoutCompensation: LintRule = (flow) =>
  nodesOf(flow, 'sagaOrchestrator').flatMap((saga) => {
    const steps = list(saga.config.steps).map(record);
    return steps.slice(0, -1).flatMap((step, i) =>
      text(step.compensation).trim()
        ? []
        : [
            {
              rule: 'saga-step-without-compensation',
              severity: 'warning' as const,
              nodeId: saga.id,
              message: `Step ${i + 1} "${text(step.name) || '?'}" of saga "${nameOf(saga)}" has no compensation: if a later step fails, it cannot be undone`,
            },
          ],
    );
  });
