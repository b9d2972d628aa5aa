import type { BehaviourSpec } from '@shared/flow/kinds/behaviours';
import { systemClock } from '../faults/clock';
import { compileTemplate } from '../template/payload-template';
import { BehaviourPipeline } from './behaviour-pipeline';
import { BehaviourError } from './behaviour-message';

/** A problem in a node's behaviour steps, for the compiler to report before anything connects. */
export interface BehaviourProblem {
  /** Inside the node config, e.g. `behaviours[1].routes[0].when`. */
  field: string;
  message: string;
}

/**
 * Every problem a node's steps have that can be seen without a message: predicates, paths and
 * templates that do not compile. Empty when the steps are fine.
 */
export function behaviourProblems(nodeId: string, specs: readonly BehaviourSpec[]): BehaviourProblem[] {
  const problems: BehaviourProblem[] = [];
  specs.forEach((spec, i) => {
    const field = `behaviours[${i}]`;
    if (spec.kind === 'transform' || spec.kind === 'recover') {
      try {
        compileTemplate(spec.template);
      } catch (err) {
        problems.push({ field: `${field}.template`, message: (err as Error).message });
      }
      return;
    }
    try {
      // Building a one-step pipeline compiles its predicates and paths and nothing else.
      new BehaviourPipeline([spec], inertDeps(nodeId), field.replace(/\[\d+\]$/, ''));
    } catch (err) {
      const e = err instanceof BehaviourError ? err : new BehaviourError(nodeId, field, String(err));
      problems.push({ field: e.field.replace('behaviours[0]', field), message: e.reason });
    }
  });
  return problems;
}

function inertDeps(nodeId: string): ConstructorParameters<typeof BehaviourPipeline>[1] {
  return {
    nodeId,
    render: () => '',
    call: () => Promise.reject(new Error('not running')),
    protocol: 'http',
    clock: systemClock,
    random: Math.random,
    emit: () => undefined,
    onError: () => undefined,
  };
}
