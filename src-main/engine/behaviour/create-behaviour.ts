import type { BehaviourSpec } from '@shared/flow/kinds/behaviours';
import type { Behaviour, BehaviourDeps, StepPlace } from './behaviour';
import { aggregateStep } from './aggregate';
import { delayStep } from './delay';
import { enrichStep } from './enrich';
import { failStep } from './fail';
import { filterStep } from './filter';
import { recoverStep } from './recover';
import { routeStep } from './route';
import { splitStep } from './split';
import { stateStep } from './state';
import { transformStep } from './transform';

/** Builds one step; predicates and paths are compiled here, so a bad one fails before Run. */
export function createBehaviour(spec: BehaviourSpec, deps: BehaviourDeps, place: StepPlace): Behaviour {
  switch (spec.kind) {
    case 'transform':
      return transformStep(spec, deps, place);
    case 'route':
      return routeStep(spec, deps, place);
    case 'filter':
      return filterStep(spec, deps, place);
    case 'enrich':
      return enrichStep(spec, deps, place);
    case 'split':
      return splitStep(spec, deps, place);
    case 'aggregate':
      return aggregateStep(spec, deps, place);
    case 'delay':
      return delayStep(spec, deps);
    case 'fail':
      return failStep(spec, deps, place);
    case 'state':
      return stateStep(spec, deps, place);
    case 'recover':
      return recoverStep(spec, deps, place);
  }
}
