import type { CompiledTemplate } from '../../template/payload-template';
import type { RenderReply } from './method-behaviour';

/**
 * Adapts a compiled payload template to a reply renderer: `{{request.x}}`, `{{metadata.k}}`,
 * `{{requests}}` (client streams) and `{{seq}}` (the reply's index) are readable, and the
 * rendered text must be JSON (a clear error otherwise).
 */
export function templateReply(template: CompiledTemplate): RenderReply {
  return (request, metadata, index, requests) => {
    const text = template.render(index, { request, metadata, requests: requests ?? [] });
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new Error(`response template did not render to JSON (${(err as Error).message})`);
    }
  };
}
