import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { asBehaviourError, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { BehaviourError, withPayload, type BehaviourMessage } from './behaviour-message';

/**
 * Passes messages on as they are; when a later step fails for one (the pipeline calls
 * `recover`), the message as it reached this step is rendered with the template instead,
 * `{{error}}` reading why, e.g. an InventoryRejected event in place of InventoryReserved.
 */
export function recoverStep(spec: BehaviourOf<'recover'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  const field = `${place.field}.template`;
  return {
    async process(message) {
      return [message];
    },
    async recover(message: BehaviourMessage, error: BehaviourError): Promise<BehaviourMessage[]> {
      const withError = { ...message, headers: { ...message.headers, recoverError: error.reason } };
      let text: string;
      try {
        text = deps.render(
          spec.template.replace(/\{\{\s*error\s*\}\}/g, '{{headers.recoverError}}'),
          withError,
        );
      } catch (err) {
        throw new BehaviourError(
          deps.nodeId,
          field,
          `template failed: ${asBehaviourError(deps, field, err).reason}`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text) as unknown;
      } catch (err) {
        throw new BehaviourError(
          deps.nodeId,
          field,
          `the template did not render valid JSON (${(err as Error).message})`,
        );
      }
      return [withPayload(message, Buffer.from(text), json)];
    },
    flush: () => [],
  };
}
