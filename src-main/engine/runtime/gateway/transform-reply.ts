import type { CompiledTemplate } from '../../template/payload-template';
import type { UpstreamReply } from './gateway-upstream';

let seq = 0;

/**
 * Shapes a service's answer with a route's template: `{{body.…}}` reads the answer (JSON,
 * or its text), `{{status}}`, `{{headers.…}}` and `{{request.client}}`, `{{request.path}}`,
 * `{{request.query.…}}` the rest. The result is sent as JSON when it reads as JSON.
 */
export function transformReply(
  template: CompiledTemplate,
  answer: UpstreamReply,
  request: { client: string; path: string; query: Record<string, string> },
): UpstreamReply {
  const text = answer.body.toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A text answer is read as text.
  }
  const out = template.render(++seq, { body, status: answer.status, headers: answer.headers, request });
  const first = out.trimStart()[0];
  const headers = { ...answer.headers };
  delete headers['content-length'];
  headers['content-type'] =
    first === '{' || first === '[' ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  return { status: answer.status, headers, body: Buffer.from(out, 'utf8') };
}
