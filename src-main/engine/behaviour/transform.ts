import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { asBehaviourError, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { BehaviourError, withPayload } from './behaviour-message';

/** Replaces the payload with the template rendered over the incoming message. */
export function transformStep(
  spec: BehaviourOf<'transform'>,
  deps: BehaviourDeps,
  place: StepPlace,
): Behaviour {
  const field = `${place.field}.template`;
  return {
    async process(message) {
      let text: string;
      try {
        text = deps.render(spec.template, message);
      } catch (err) {
        const e = asBehaviourError(deps, field, err);
        throw new BehaviourError(deps.nodeId, field, `template failed: ${e.reason}`);
      }
      let json: unknown;
      if (spec.output === 'json') {
        try {
          json = JSON.parse(text) as unknown;
        } catch (err) {
          throw new BehaviourError(
            deps.nodeId,
            field,
            `the template did not render valid JSON (${(err as Error).message}); set output to text for other payloads`,
          );
        }
      }
      return [withPayload(message, Buffer.from(text), json)];
    },
    flush: () => [],
  };
}
