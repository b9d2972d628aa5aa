import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { blame, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { viewOf } from './behaviour-message';
import { compilePredicate } from '@shared/flow/expressions/predicate';

/** Passes on the messages for which the predicate holds; the rest stop here. */
export function filterStep(spec: BehaviourOf<'filter'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  const field = `${place.field}.when`;
  const when = blame(deps, field, () => compilePredicate(spec.when));
  return {
    async process(message) {
      return blame(deps, field, () => when.test(viewOf(message))) ? [message] : [];
    },
    flush: () => [],
  };
}
