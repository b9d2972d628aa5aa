import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { protocolError, type InjectedError } from '../faults/protocol-error';
import type { Behaviour, BehaviourDeps, StepPlace } from './behaviour';
import { BehaviourError } from './behaviour-message';

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

/** Fails a `probability` share of messages with the protocol's error; passes the rest on. */
export function failStep(spec: BehaviourOf<'fail'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  return {
    async process(message) {
      if (deps.random() < spec.probability) {
        const error = protocolError(spec.error, deps.protocol, `fail step (probability ${spec.probability})`);
        throw new BehaviourFailure(deps.nodeId, place.field, error);
      }
      return [message];
    },
    flush: () => [],
  };
}
