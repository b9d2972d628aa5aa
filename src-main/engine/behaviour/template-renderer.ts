import { compileTemplate, type CompiledTemplate } from '../template/payload-template';
import { NotJsonError, payloadJson, type BehaviourMessage } from './behaviour-message';

/**
 * The `render` a behaviour pipeline needs, on the payload template engine: `{{payload.total}}`
 * (the JSON payload; `{{payload}}` is all of it), `{{text}}` (the payload as text), `{{key}}`,
 * `{{headers.name}}`, `{{seq}}` (messages rendered so far), plus the engine's own
 * `{{uuid}}`, `{{now}}` and `{{faker.…}}`. Templates compile once. A template that reads the
 * payload of a message that is not JSON throws instead of rendering blanks.
 */
export function templateRenderer(): (template: string, message: BehaviourMessage) => string {
  const compiled = new Map<string, { template: CompiledTemplate; readsPayload: boolean }>();
  let seq = 0;
  return (source, message) => {
    let entry = compiled.get(source);
    if (!entry) {
      entry = { template: compileTemplate(source), readsPayload: /\{\{\s*payload\b/.test(source) };
      compiled.set(source, entry);
    }
    let payload: unknown;
    try {
      payload = payloadJson(message);
    } catch (err) {
      if (entry.readsPayload && err instanceof NotJsonError) throw err;
    }
    const text = message.payload.toString('utf8');
    return entry.template.render(++seq, { payload, text, key: message.key ?? '', headers: message.headers });
  };
}
