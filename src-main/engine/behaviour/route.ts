import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { blame, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { viewOf } from './behaviour-message';
import { compilePredicate } from '@shared/flow/expressions/predicate';

/** Sets each message's `output` to the first route whose predicate holds, else `otherwise` (empty drops it). */
export function routeStep(spec: BehaviourOf<'route'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  const routes = spec.routes.map((r, i) => {
    const field = `${place.field}.routes[${i}].when`;
    return { output: r.output, field, when: blame(deps, field, () => compilePredicate(r.when)) };
  });
  return {
    async process(message) {
      const view = viewOf(message);
      const hit = routes.find((r) => blame(deps, r.field, () => r.when.test(view)));
      const output = hit?.output ?? spec.otherwise;
      return output ? [{ ...message, output }] : [];
    },
    flush: () => [],
  };
}
