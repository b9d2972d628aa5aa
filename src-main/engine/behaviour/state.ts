import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { parsePath, readPath } from '@shared/flow/expressions/json-path';
import { blame, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { BehaviourError, jsonOrText, viewOf } from './behaviour-message';

/** Puts the message under its key in a store of the node, or deletes the key; passes the message on. */
export function stateStep(spec: BehaviourOf<'state'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  const field = `${place.field}.key`;
  const path = blame(deps, field, () => parsePath(spec.key));
  return {
    async process(message) {
      const value = blame(deps, field, () => readPath(path, viewOf(message)));
      if (value === undefined || value === null || typeof value === 'object')
        throw new BehaviourError(
          deps.nodeId,
          field,
          `${spec.key} is not a key (found ${JSON.stringify(value) ?? 'nothing'})`,
        );
      const key = String(value);
      if (spec.op === 'put') deps.state?.put(spec.store, key, jsonOrText(message), deps.clock.now());
      else deps.state?.delete(spec.store, key);
      return [message];
    },
    flush: () => [],
  };
}
