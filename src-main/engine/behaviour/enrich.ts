import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { blame, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import {
  BehaviourError,
  jsonOrText,
  payloadJson,
  withJson,
  type BehaviourMessage,
} from './behaviour-message';
import { parsePath, writePath } from '@shared/flow/expressions/json-path';

/** Calls the target node with the message and puts its reply (JSON, else text) at `into`. */
export function enrichStep(spec: BehaviourOf<'enrich'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  const intoField = `${place.field}.into`;
  const into = blame(deps, intoField, () => {
    const path = parsePath(spec.into);
    if (path.root !== 'payload' || path.segments.length === 0) {
      throw new Error(`must be a place inside the payload, such as $.customer (not ${path.text})`);
    }
    return path;
  });
  return {
    async process(message) {
      const json = blame(deps, place.field, () => payloadJson(message));
      let reply: BehaviourMessage;
      try {
        reply = await deps.call(spec.target, message);
      } catch (err) {
        throw new BehaviourError(
          deps.nodeId,
          `${place.field}.target`,
          `calling "${spec.target}" failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      const merged = blame(deps, intoField, () => writePath(into, json, jsonOrText(reply)));
      return [withJson(message, merged)];
    },
    flush: () => [],
  };
}
