import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { protocolError, type InjectedError } from '../faults/protocol-error';
import { compilePredicate } from '@shared/flow/expressions/predicate';
import { blame, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { BehaviourError, viewOf } from './behaviour-message';

/** A deliberate failure of a fail step: the runtime answers with `error` in its protocol's form. */
export class BehaviourFailure extends BehaviourError {
  constructor(
    nodeId: string,
    field: string,
    readonly error: InjectedError,
  ) {
    super(nodeId, field, error.message);
  }
}

/** Fails a `probability` share of messages (of those `when` holds for) with the protocol's error; passes the rest on. */
export function failStep(spec: BehaviourOf<'fail'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  const whenField = `${place.field}.when`;
  const when = spec.when ? blame(deps, whenField, () => compilePredicate(spec.when as string)) : null;
  return {
    async process(message) {
      const applies = !when || blame(deps, whenField, () => when.test(viewOf(message)));
      if (applies && deps.random() < spec.probability) {
        const error = protocolError(spec.error, deps.protocol, `fail step (probability ${spec.probability})`);
        throw new BehaviourFailure(deps.nodeId, place.field, error);
      }
      return [message];
    },
    flush: () => [],
  };
}
